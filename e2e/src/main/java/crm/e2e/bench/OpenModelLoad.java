package crm.e2e.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests are scheduled at a constant arrival rate whatever the system
 * does, and each latency is measured from the request's intended start time. A stall of the system (or
 * of this generator) therefore shows up in the percentiles for every request that should have been sent
 * during it, instead of silently lowering the request rate: no coordinated omission.
 *
 * <p>At most {@code maxOutstanding} requests are in flight; past that the generator waits for a free
 * slot, and that wait is part of the late requests' latency. Requests still unanswered when the run is
 * over get {@code drainTimeout} and are then recorded as failures with their time so far as latency.
 */
final class OpenModelLoad {

    private final double ratePerSecond;
    private final Duration duration;
    private final int maxOutstanding;
    private final Duration drainTimeout;

    OpenModelLoad(double ratePerSecond, Duration duration, int maxOutstanding, Duration drainTimeout) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.duration = duration;
        this.maxOutstanding = maxOutstanding;
        this.drainTimeout = drainTimeout;
    }

    LoadResult run(Supplier<CompletableFuture<Outcome>> request) {
        Histogram latencies = Latencies.newHistogram();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore slots = new Semaphore(maxOutstanding);
        long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long scheduled = 0;
        for (long intended = start; intended < end; intended = start + ++scheduled * intervalNanos) {
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            long intendedStart = intended;
            CompletableFuture<Outcome> sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((outcome, failure) -> {
                long micros = (System.nanoTime() - intendedStart) / 1000;
                Outcome result = failure == null ? outcome : Outcome.NO_ANSWER;
                statuses.merge(result.status(), 1L, Long::sum);
                if (result.ok()) {
                    ok.incrementAndGet();
                    latencies.recordValue(Math.max(1, micros));
                } else {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        long drainedBy = System.nanoTime() + drainTimeout.toNanos();
        try {
            if (!slots.tryAcquire(maxOutstanding, Math.max(0, drainedBy - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                int unanswered = maxOutstanding - slots.availablePermits();
                failed.addAndGet(unanswered);
                statuses.merge(0, (long) unanswered, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = duration.toNanos() / 1e9;
        return new LoadResult(ratePerSecond, ok.get() / seconds, Latencies.of(latencies), ok.get(), failed.get(),
                statuses);
    }
}
