package crm.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date range cut into the whole months it covers, then whole ISO weeks (Monday to Sunday) of what is
 * left, then single days. Aggregates kept per day, week and month can then be added up for any range
 * while reading at most about 25 rows per key besides the months, however long the range is.
 */
public record DateSlices(List<LocalDate> months, List<LocalDate> weeks, List<LocalDate> days) {

    public DateSlices {
        months = List.copyOf(months);
        weeks = List.copyOf(weeks);
        days = List.copyOf(days);
    }

    /** Both ends inclusive. */
    public static DateSlices of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate> weeks = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (isWholeMonthStart(day, to)) {
                months.add(day);
                day = day.plusMonths(1);
            } else if (day.getDayOfWeek() == DayOfWeek.MONDAY && !day.plusDays(6).isAfter(to)
                    && !wholeMonthStartsWithin(day.plusDays(1), day.plusDays(6), to)) {
                weeks.add(day);
                day = day.plusWeeks(1);
            } else {
                days.add(day);
                day = day.plusDays(1);
            }
        }
        return new DateSlices(months, weeks, days);
    }

    private static boolean isWholeMonthStart(LocalDate day, LocalDate to) {
        return day.getDayOfMonth() == 1 && !day.withDayOfMonth(day.lengthOfMonth()).isAfter(to);
    }

    /** A week must not reach into a month that is read whole: those days would count twice. */
    private static boolean wholeMonthStartsWithin(LocalDate first, LocalDate last, LocalDate to) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isWholeMonthStart(d, to)) {
                return true;
            }
        }
        return false;
    }

    public String[] monthTexts() {
        return texts(months);
    }

    public String[] weekTexts() {
        return texts(weeks);
    }

    public String[] dayTexts() {
        return texts(days);
    }

    private static String[] texts(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).toArray(String[]::new);
    }
}
