package crm.e2e.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time (user and system) of named process trees: what a request costs each process of its path. On a
 * shared machine, throughput ratios move with whatever else runs; CPU per request does not, and it shows
 * which process a ratio is lost in.
 */
final class ProcessCpu {

    private final Map<String, Long> pids;
    private final String self;

    /**
     * @param pids the root process of each tree (a PostgreSQL server's backends are its children)
     * @param self the name this process (the load generator) is measured under, without its children:
     *             they are the system it started
     */
    ProcessCpu(Map<String, Long> pids, String self) {
        this.pids = new LinkedHashMap<>(pids);
        this.self = self;
    }

    static ProcessCpu nothing() {
        return new ProcessCpu(Map.of(), null);
    }

    boolean measurable() {
        return !pids.isEmpty();
    }

    /** CPU time used so far by each tree; a tree that has gone reads as zero. */
    Map<String, Duration> read() {
        Map<String, Duration> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, ProcessHandle.of(pid).map(root -> cpuOf(root, !name.equals(self)))
                .orElse(Duration.ZERO)));
        return used;
    }

    private static Duration cpuOf(ProcessHandle root, boolean withChildren) {
        return Stream.concat(Stream.of(root), withChildren ? root.descendants() : Stream.empty())
                .map(process -> process.info().totalCpuDuration())
                .flatMap(Optional::stream)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Waits until the metered processes together use less than a quarter of a core over two seconds;
     * false if they do not within {@code limit} (or cannot be metered).
     */
    boolean awaitQuiet(Duration limit) throws InterruptedException {
        if (!measurable()) {
            return false;
        }
        Duration window = Duration.ofSeconds(2);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Duration> before = read();
            TimeUnit.NANOSECONDS.sleep(window.toNanos());
            Duration used = since(before).entrySet().stream()
                    .filter(e -> !e.getKey().equals(BenchSystem.LOAD_GENERATOR)).map(Map.Entry::getValue)
                    .reduce(Duration.ZERO, Duration::plus);
            if (used.compareTo(window.dividedBy(4)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The CPU of all trees per item (a request, an event), in milliseconds. */
    static double millisPerItem(Map<String, Duration> used, long items) {
        return used.values().stream().mapToDouble(cpu -> millisPerItem(cpu, items)).sum();
    }

    /** Each tree's CPU per item, for example "gateway 0.52 ms, contacts-service 1.00 ms". */
    static String breakdown(Map<String, Duration> used, long items) {
        StringBuilder text = new StringBuilder();
        used.forEach((process, cpu) -> text.append(text.isEmpty() ? "" : ", ").append(process).append(' ')
                .append(Figure.format(millisPerItem(cpu, items))).append(" ms"));
        return text.toString();
    }

    private static double millisPerItem(Duration used, long items) {
        return used.toNanos() / 1e6 / Math.max(1, items);
    }

    /** What each tree used between an earlier {@link #read()} and now. */
    Map<String, Duration> since(Map<String, Duration> earlier) {
        Map<String, Duration> used = read();
        used.replaceAll((name, now) -> now.minus(earlier.getOrDefault(name, Duration.ZERO)));
        return used;
    }
}
