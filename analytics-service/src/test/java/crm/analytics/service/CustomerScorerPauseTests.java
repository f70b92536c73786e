package crm.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CustomerScorerPauseTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldPauseThreeTimesALongRoundWhenScoringMayTakeAQuarterOfTheTime() {
        assertThat(CustomerScorer.pauseAfter(10 * SECOND, 12 * SECOND, 0.25)).isEqualTo(18 * SECOND);
    }

    @Test
    void shouldNotPauseWhenScoringMayTakeAllTheTime() {
        assertThat(CustomerScorer.pauseAfter(10 * SECOND, 12 * SECOND, 1.0)).isEqualTo(12 * SECOND);
    }

    @Test
    void shouldBoundThePauseForAShareOfNothing() {
        assertThat(CustomerScorer.pauseAfter(10 * SECOND, 11 * SECOND, 0)).isEqualTo(110 * SECOND);
    }
}
