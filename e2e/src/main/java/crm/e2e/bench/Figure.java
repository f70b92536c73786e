package crm.e2e.bench;

import java.util.Locale;

/**
 * One measured figure of the CRM beside its same-run baseline. The ratio is always CRM / baseline: above
 * 1 means more throughput (or more latency) than the baseline.
 *
 * @param baseline null when the figure has no baseline of its own
 * @param target   null when no issue sets a goal for it
 */
record Figure(String name, String unit, double value, Double baseline, Target target) {

    static Figure of(String name, String unit, double value, double baseline, Target target) {
        return new Figure(name, unit, value, baseline, target);
    }

    static Figure alone(String name, String unit, double value, Target target) {
        return new Figure(name, unit, value, null, target);
    }

    Double ratio() {
        return baseline == null || baseline == 0 || Double.isNaN(baseline) ? null : value / baseline;
    }

    /** {@code met}, {@code missed} or empty when there is no target. */
    String verdict() {
        if (target == null || Double.isNaN(value)) {
            return "";
        }
        Double ratio = ratio();
        if (target.kind() != Target.Kind.VALUE_BELOW && ratio == null) {
            return "";
        }
        return target.metBy(value, ratio == null ? Double.NaN : ratio) ? "met" : "missed";
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
