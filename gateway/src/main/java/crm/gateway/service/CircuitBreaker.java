package crm.gateway.service;

import java.time.Duration;

/**
 * The breaker of one service. Closed, it lets every request through and counts consecutive connection
 * failures and timeouts; {@code threshold} of them within {@code window} open it. Open, it refuses at once
 * for {@code delay}; then it lets a single trial request through (half-open), whose success closes it and
 * whose failure opens it again. Time comes from the caller (nanoseconds), so it can be tested without
 * waiting.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long windowNanos;
    private final long delayNanos;
    private State state = State.CLOSED;
    private int failures;
    private long firstFailureAt;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration window, Duration delay) {
        if (threshold < 1) {
            throw new IllegalArgumentException("failure-threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.windowNanos = window.toNanos();
        this.delayNanos = delay.toNanos();
    }

    /** 0 when a request may go to the service; otherwise the seconds (at least 1) until it may be tried. */
    public synchronized long tryAcquire(long now) {
        if (state == State.OPEN && now - openedAt >= delayNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.CLOSED) {
            return 0;
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return 0;
        }
        long waitNanos = state == State.OPEN ? delayNanos - (now - openedAt) : 0;
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The service answered (whatever the status): it is reachable. */
    public synchronized void onAnswer() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    /** The service could not be reached or did not answer in time; true when this opened the breaker. */
    public synchronized boolean onFailure(long now) {
        if (state == State.HALF_OPEN) {
            open(now);
            return true;
        }
        if (state == State.OPEN) {
            return false;
        }
        if (failures == 0 || now - firstFailureAt > windowNanos) {
            failures = 0;
            firstFailureAt = now;
        }
        failures++;
        if (failures >= threshold) {
            open(now);
            return true;
        }
        return false;
    }

    /** The attempt ended without telling anything about the service (e.g. the client went away). */
    public synchronized void onInconclusive() {
        trialInFlight = false;
    }

    public int threshold() {
        return threshold;
    }

    public synchronized State state() {
        return state;
    }

    private void open(long now) {
        state = State.OPEN;
        openedAt = now;
        failures = 0;
        trialInFlight = false;
    }
}
