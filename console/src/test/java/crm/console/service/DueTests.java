package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void shouldTellOverdueFromDueSoonFromLater() {
        Due overdue = Due.of("2026-11-27T07:30:00Z", NOW);
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.span()).isEqualTo("2 h 30 min");

        Due soon = Due.of("2026-11-27T11:05:00+01:00", NOW);
        assertThat(soon.overdue()).isFalse();
        assertThat(soon.soon()).isTrue();
        assertThat(soon.span()).isEqualTo("5 min");

        Due later = Due.of("2026-11-30T14:00:00Z", NOW);
        assertThat(later.soon()).isFalse();
        assertThat(later.span()).isEqualTo("3 d 4 h");
    }

    @Test
    void shouldHaveNoDeadlineWithoutAReadableTime() {
        assertThat(Due.of(null, NOW)).isNull();
        assertThat(Due.of("tomorrow", NOW)).isNull();
    }
}
