package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ClvEstimateTests {

    private static final BigDecimal THREE_YEARS = new BigDecimal("3");

    @Test
    void shouldCountLessThanAYearAsOneYear() {
        // 3000 over 3 orders in 10 months: 1000 per order x 3 orders per year x 3 years.
        assertThat(ClvEstimate.of(new BigDecimal("3000"), 3, OffsetDateTime.parse("2026-01-10T10:00:00Z"),
                OffsetDateTime.parse("2026-11-10T10:00:00Z"), THREE_YEARS)).isEqualByComparingTo("9000.00");
    }

    @Test
    void shouldSpreadOrdersOverTheYearsActive() {
        // 393 days = 1.07598 years: 50 per order x (2 / 1.07598) orders per year x 3 years.
        assertThat(ClvEstimate.of(new BigDecimal("100"), 2, OffsetDateTime.parse("2025-02-01T10:00:00Z"),
                OffsetDateTime.parse("2026-03-01T10:00:00Z"), THREE_YEARS)).isEqualByComparingTo("278.82");
    }

    @Test
    void shouldBeZeroWithoutOrders() {
        assertThat(ClvEstimate.of(BigDecimal.ZERO, 0, null, null, THREE_YEARS)).isEqualByComparingTo("0");
    }
}
