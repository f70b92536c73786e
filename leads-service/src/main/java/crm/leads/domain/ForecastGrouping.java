package crm.leads.domain;

import java.util.Locale;

/** What a forecast adds up by: the month of the expected close, the unit, or the owner. */
public enum ForecastGrouping {
    MONTH, UNIT, OWNER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ForecastGrouping parse(String value) {
        for (ForecastGrouping grouping : values()) {
            if (grouping.value().equals(value)) {
                return grouping;
            }
        }
        throw new IllegalArgumentException("must be month, unit or owner");
    }
}
