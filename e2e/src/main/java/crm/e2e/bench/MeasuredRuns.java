package crm.e2e.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The closed-model rounds of one request path, and the CPU each process spent per request in them
 * (see {@link ProcessCpu}).
 */
final class MeasuredRuns {

    private final Callable<Outcome> request;
    private final Map<String, Duration> cpu = new LinkedHashMap<>();
    private double throughputSum;
    private long requests;
    private int rounds;
    private LoadResult last;

    MeasuredRuns(Callable<Outcome> request) {
        this.request = request;
    }

    Callable<Outcome> request() {
        return request;
    }

    LoadResult run(ClosedModelLoad load, ProcessCpu meter) throws InterruptedException {
        Map<String, Duration> before = meter.read();
        last = load.run(request);
        meter.since(before).forEach((process, used) -> cpu.merge(process, used, Duration::plus));
        requests += last.ok() + last.failures();
        throughputSum += last.throughput();
        rounds++;
        return last;
    }

    /** The mean throughput of the rounds. */
    double throughput() {
        return throughputSum / rounds;
    }

    LoadResult last() {
        return last;
    }

    double cpuPerRequest() {
        return ProcessCpu.millisPerItem(cpu, requests);
    }

    /** Each process's CPU per request, for example "gateway 0.52 ms, contacts-service 1.00 ms". */
    String cpuBreakdown() {
        return ProcessCpu.breakdown(cpu, requests);
    }
}
