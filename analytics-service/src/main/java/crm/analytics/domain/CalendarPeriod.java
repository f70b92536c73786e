package crm.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/** The calendar periods sales are kept in, in UTC: a day, an ISO week (from Monday) and a month. */
public enum CalendarPeriod {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    public static final String ALLOWED = "day, week or month";

    private final String value;

    CalendarPeriod(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static CalendarPeriod of(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + ALLOWED));
    }

    /** The first day of the period that contains {@code date}. */
    public LocalDate startOf(LocalDate date) {
        switch (this) {
            case WEEK:
                return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return date.withDayOfMonth(1);
            default:
                return date;
        }
    }

    public LocalDate startOf(OffsetDateTime instant) {
        return startOf(instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    /** The start of the period before the one starting at {@code start}. */
    public LocalDate previous(LocalDate start) {
        switch (this) {
            case WEEK:
                return start.minusWeeks(1);
            case MONTH:
                return start.minusMonths(1);
            default:
                return start.minusDays(1);
        }
    }

    public LocalDate next(LocalDate start) {
        switch (this) {
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            default:
                return start.plusDays(1);
        }
    }
}
