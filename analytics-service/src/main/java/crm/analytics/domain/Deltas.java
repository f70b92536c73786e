package crm.analytics.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signed changes of counters per key: a record's old contribution subtracted, its new one added. Keys
 * whose changes cancel out are dropped, so an event that changes nothing writes nothing; the remaining keys
 * come out in a fixed order, so transactions lock aggregate rows in the same order.
 */
public final class Deltas<K> {

    private final Map<K, long[]> changes;
    private final int width;

    public Deltas(int width, Comparator<K> order) {
        this.width = width;
        this.changes = new TreeMap<>(order);
    }

    /** Adds {@code sign} times {@code counts} to the key's change. */
    public Deltas<K> add(K key, long[] counts, int sign) {
        if (counts.length != width) {
            throw new IllegalArgumentException("expected " + width + " counters");
        }
        long[] change = changes.computeIfAbsent(key, k -> new long[width]);
        for (int i = 0; i < width; i++) {
            change[i] += sign * counts[i];
        }
        return this;
    }

    /** Adds every change of {@code other}: the net change of two records' moves, say. */
    public Deltas<K> addAll(Deltas<K> other) {
        other.changes.forEach((key, change) -> add(key, change, 1));
        return this;
    }

    public Deltas<K> add(K key, int[] counts, int sign) {
        return add(key, Arrays.stream(counts).asLongStream().toArray(), sign);
    }

    /** The non-zero changes in key order. */
    public Map<K, long[]> nonZero() {
        Map<K, long[]> result = new LinkedHashMap<>();
        changes.forEach((key, change) -> {
            if (Arrays.stream(change).anyMatch(v -> v != 0)) {
                result.put(key, change);
            }
        });
        return result;
    }

    public boolean isEmpty() {
        return nonZero().isEmpty();
    }

    /** Null-safe text order (null first): scopes and units sort brand-wide first. */
    public static int compareText(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    public static List<String> scopesOf(String unitId) {
        return unitId == null ? Arrays.asList((String) null) : Arrays.asList(null, unitId);
    }
}
