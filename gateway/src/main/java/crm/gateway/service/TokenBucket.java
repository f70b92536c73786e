package crm.gateway.service;

/**
 * A token bucket: it holds up to {@code burst} tokens, refills at {@code ratePerSecond}, and each request
 * takes one. Time comes from the caller (nanoseconds), so the bucket can be tested without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerSecond;
    private final int burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, int burst, long now) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs requests-per-second > 0 and burst >= 1, not "
                    + ratePerSecond + " and " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Takes a token if there is one; the state tells what is left either way. */
    synchronized boolean tryTake(long now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Returns a token taken for a request that another bucket refused after all. */
    synchronized void giveBack() {
        tokens = Math.min(burst, tokens + 1);
    }

    synchronized int remaining(long now) {
        refill(now);
        return (int) Math.floor(tokens);
    }

    /** Whole seconds until the bucket is full again (0 when it is full). */
    synchronized long secondsUntilFull(long now) {
        refill(now);
        return (long) Math.ceil((burst - tokens) / ratePerSecond);
    }

    /** Whole seconds, at least 1, until the next token. */
    synchronized long secondsUntilNextToken(long now) {
        refill(now);
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }

    /** A bucket that has refilled completely is no different from a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    int burst() {
        return burst;
    }

    /** The seconds an empty bucket takes to fill: the window of the advertised policy. */
    long windowSeconds() {
        return Math.max(1, (long) Math.ceil(burst / ratePerSecond));
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / NANOS_PER_SECOND * ratePerSecond);
            refilledAt = now;
        }
    }
}
