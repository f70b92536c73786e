package crm.analytics.domain;

/**
 * The buckets of the minute histograms (speed to lead, first response, resolution): a duration in whole
 * minutes is kept exactly below 128 minutes and, from there on, rounded down to its seven most significant
 * bits, 64 buckets per doubling. A bucket's value is within 1/64 (1.6%) below every duration in it.
 *
 * <p>Why not one bucket per minute: the reports sum a histogram's rows on every request, and with exact
 * minutes the rows grow with the number of distinct durations, which for leads first contacted days or
 * weeks after capture is nearly one row per lead. With these buckets a histogram has at most 128 rows below
 * two hours and 64 for each doubling beyond (1,152 up to ten years), however many leads or tickets it counts.
 */
public final class MinuteBuckets {

    private static final int SIGNIFICANT_BITS = 7;

    private MinuteBuckets() {
    }

    /** The bucket of a duration of {@code minutes}: its greatest bucket value at or below it (0 if negative). */
    public static int of(int minutes) {
        if (minutes <= 0) {
            return 0;
        }
        int dropped = Math.max(0, (Integer.SIZE - Integer.numberOfLeadingZeros(minutes)) - SIGNIFICANT_BITS);
        return minutes >>> dropped << dropped;
    }
}
