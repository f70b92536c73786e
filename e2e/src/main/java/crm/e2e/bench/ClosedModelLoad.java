package crm.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The closed model, for maximum throughput: a fixed number of workers each send the next request as soon
 * as the previous one is answered. Only requests completed inside the measured window count; a warm-up
 * before it lets connections, JIT and caches settle. Its latencies are service times, not what a user
 * would see under a given arrival rate (that is what {@link OpenModelLoad} measures).
 */
final class ClosedModelLoad {

    private final int workers;
    private final Duration warmup;
    private final Duration duration;

    ClosedModelLoad(int workers, Duration warmup, Duration duration) {
        this.workers = workers;
        this.warmup = warmup;
        this.duration = duration;
    }

    LoadResult run(Callable<Outcome> request) throws InterruptedException {
        Histogram latencies = Latencies.newHistogram();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    long started = System.nanoTime();
                    if (started >= measureUntil) {
                        return;
                    }
                    Outcome outcome;
                    try {
                        outcome = request.call();
                    } catch (Exception e) {
                        outcome = Outcome.NO_ANSWER;
                    }
                    long finished = System.nanoTime();
                    if (started < measureFrom || finished > measureUntil) {
                        continue;
                    }
                    statuses.merge(outcome.status(), 1L, Long::sum);
                    if (outcome.ok()) {
                        ok.incrementAndGet();
                        latencies.recordValue(Math.max(1, (finished - started) / 1000));
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-worker-" + i);
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = duration.toNanos() / 1e9;
        return new LoadResult(0, ok.get() / seconds, Latencies.of(latencies), ok.get(), failed.get(), statuses);
    }
}
