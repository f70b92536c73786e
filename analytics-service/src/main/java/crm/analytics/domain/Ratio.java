package crm.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates and averages as reported: four decimals, half-even; null where the denominator is zero. */
public final class Ratio {

    public static final int SCALE = 4;

    private Ratio() {
    }

    public static BigDecimal of(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    /** (current - previous) / previous: the change against the previous period; null without a previous figure. */
    public static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).divide(previous, SCALE, RoundingMode.HALF_EVEN);
    }
}
