package crm.e2e.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A summary of recorded latencies in milliseconds; the histogram holds microseconds. */
record Latencies(long count, double p50, double p95, double p99, double max, double mean) {

    /**
     * The histogram every latency is recorded into, from several threads: microseconds, up to an hour,
     * 3 significant digits.
     */
    static Histogram newHistogram() {
        return new ConcurrentHistogram(3_600_000_000L, 3);
    }

    static Latencies of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
