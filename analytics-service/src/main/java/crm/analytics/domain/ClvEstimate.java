package crm.analytics.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Customer lifetime value = average order value x orders per year x expected lifetime in years, where
 * orders per year = orders / max(1, years between first and last order). This equals
 * revenue / max(1, years active) x expected lifetime. A customer active for less than a year counts as
 * one year, so one big first order is not extrapolated.
 */
public final class ClvEstimate {

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");

    private ClvEstimate() {
    }

    public static BigDecimal of(BigDecimal revenue, int orders, OffsetDateTime first, OffsetDateTime last,
                                BigDecimal expectedLifetimeYears) {
        if (orders <= 0 || revenue == null || first == null || last == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal years = BigDecimal.valueOf(Duration.between(first, last).toDays())
                .divide(DAYS_PER_YEAR, MathContext.DECIMAL64).max(BigDecimal.ONE);
        BigDecimal averageOrderValue = revenue.divide(BigDecimal.valueOf(orders), MathContext.DECIMAL64);
        BigDecimal ordersPerYear = BigDecimal.valueOf(orders).divide(years, MathContext.DECIMAL64);
        return averageOrderValue.multiply(ordersPerYear).multiply(expectedLifetimeYears)
                .setScale(2, RoundingMode.HALF_EVEN);
    }
}
