package crm.analytics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts per whole-number value (e.g. minutes), in ascending value order. Percentiles are nearest-rank
 * (like PostgreSQL's percentile_disc): the smallest value with at least p of all counts at or below it.
 */
public final class Histogram {

    private final List<long[]> buckets = new ArrayList<>();
    private long total;
    private long lastValue = Long.MIN_VALUE;

    /** Adds {@code count} observations of {@code value}; values must come in ascending order. */
    public Histogram add(long value, long count) {
        if (value < lastValue) {
            throw new IllegalArgumentException("values must be added in ascending order");
        }
        if (count <= 0) {
            return this;
        }
        if (value == lastValue) {
            buckets.get(buckets.size() - 1)[1] += count;
        } else {
            buckets.add(new long[] {value, count});
        }
        lastValue = value;
        total += count;
        return this;
    }

    public long total() {
        return total;
    }

    /** The nearest-rank percentile for {@code p} in (0, 1]; null without observations. */
    public Long percentile(double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("p must be in (0, 1]");
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (long[] bucket : buckets) {
            seen += bucket[1];
            if (seen >= rank) {
                return bucket[0];
            }
        }
        return lastValue;
    }
}
