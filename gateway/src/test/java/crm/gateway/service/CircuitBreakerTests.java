package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    private static final long SECOND = 1_000_000_000L;

    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void shouldOpenAfterConsecutiveFailuresWithinTheWindow() {
        fail(3, 0);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(SECOND)).isEqualTo(4);
    }

    @Test
    void shouldStayClosedWhenAnAnswerComesBetweenFailures() {
        fail(2, 0);
        breaker.onAnswer();
        fail(2, 0);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire(0)).isZero();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        fail(2, 0);
        fail(1, 11 * SECOND);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldLetOneTrialThroughAfterTheDelayAndCloseOnItsSuccess() {
        fail(3, 0);

        assertThat(breaker.tryAcquire(5 * SECOND)).isZero();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire(5 * SECOND)).as("a second request during the trial").isPositive();
        breaker.onAnswer();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldOpenAgainWhenTheTrialFails() {
        fail(3, 0);
        breaker.tryAcquire(5 * SECOND);

        breaker.onFailure(6 * SECOND);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(7 * SECOND)).isEqualTo(4);
    }

    private void fail(int times, long at) {
        for (int i = 0; i < times; i++) {
            breaker.tryAcquire(at);
            breaker.onFailure(at);
        }
    }
}
