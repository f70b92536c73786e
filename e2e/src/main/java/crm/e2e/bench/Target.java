package crm.e2e.bench;

import java.util.Locale;

/**
 * A figure's goal from the issues: a bound on the ratio CRM / baseline ({@code ratio >= 0.85}) or on the
 * value itself ({@code p95 < 200 ms}).
 */
record Target(Kind kind, double bound) {

    enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, VALUE_BELOW }

    static Target ratioAtLeast(double bound) {
        return new Target(Kind.RATIO_AT_LEAST, bound);
    }

    static Target ratioAtMost(double bound) {
        return new Target(Kind.RATIO_AT_MOST, bound);
    }

    static Target valueBelow(double bound) {
        return new Target(Kind.VALUE_BELOW, bound);
    }

    boolean metBy(double value, double ratio) {
        return switch (kind) {
            case RATIO_AT_LEAST -> ratio >= bound;
            case RATIO_AT_MOST -> ratio <= bound;
            case VALUE_BELOW -> value < bound;
        };
    }

    String describe(String unit) {
        return switch (kind) {
            case RATIO_AT_LEAST -> String.format(Locale.ROOT, "ratio >= %.2f", bound);
            case RATIO_AT_MOST -> String.format(Locale.ROOT, "ratio <= %.2f", bound);
            case VALUE_BELOW -> String.format(Locale.ROOT, "< %s %s", Figure.format(bound), unit);
        };
    }
}
