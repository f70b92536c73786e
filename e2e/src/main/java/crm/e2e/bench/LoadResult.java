package crm.e2e.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run came to.
 *
 * @param offeredRate requests per second the open model scheduled (0 for the closed model)
 * @param throughput  successful requests per second actually completed over the measured time
 * @param latencies   of the successful requests; in the open model measured from each request's
 *                    intended start, so time spent waiting to be sent counts
 * @param failures    requests that failed or were answered with an unexpected status
 * @param statuses    answers by status (0 for no answer at all)
 */
record LoadResult(double offeredRate, double throughput, Latencies latencies, long ok, long failures,
                  Map<Integer, Long> statuses) {

    LoadResult {
        statuses = Map.copyOf(new TreeMap<>(statuses));
    }

    /** A line for the report, e.g. {@code 12000 ok; 3 failed (429: 3)}. */
    String outcome() {
        StringBuilder text = new StringBuilder().append(ok).append(" ok");
        if (failures > 0) {
            text.append("; ").append(failures).append(" failed ").append(new TreeMap<>(statuses));
        }
        return text.toString();
    }
}
