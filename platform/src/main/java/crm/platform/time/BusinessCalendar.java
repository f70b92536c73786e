package crm.platform.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business hours of a tenant or unit: opening hours per weekday in a time zone, minus holidays. SLA
 * clocks run only while it is open. Opening hours are local times, so a daylight-saving change makes
 * that day's business time an hour shorter or longer, exactly as the staff experience it.
 */
public final class BusinessCalendar {

    /** The default for a franchise system in Germany: Monday to Friday, 08:00 to 18:00 in Berlin. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** How far ahead a deadline is looked for before the calendar is judged to have no business time. */
    private static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Set<LocalDate> holidays;

    /** One opening interval of a day; {@code closes} of 00:00 means midnight at the end of the day. */
    public record OpeningHours(LocalTime opens, LocalTime closes) {
        public OpeningHours {
            if (opens == null || closes == null) {
                throw new IllegalArgumentException("opening hours need an opening and a closing time");
            }
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw new IllegalArgumentException("closes (" + closes + ") must be after opens (" + opens + ")");
            }
        }

        public static OpeningHours of(String opens, String closes) {
            return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
        }
    }

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
    }

    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<OpeningHours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<OpeningHours> sorted = new ArrayList<>(hours);
            sorted.sort(Comparator.comparing(OpeningHours::opens));
            for (int i = 1; i < sorted.size(); i++) {
                LocalTime previousClose = sorted.get(i - 1).closes();
                if (previousClose.equals(LocalTime.MIDNIGHT) || previousClose.isAfter(sorted.get(i).opens())) {
                    throw new IllegalArgumentException("opening hours of " + day + " overlap");
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs opening hours on at least one day");
        }
        return new BusinessCalendar(zone, copy, Set.copyOf(holidays));
    }

    /** Monday to Friday, 08:00 to 18:00, Europe/Berlin, no holidays. */
    public static BusinessCalendar standard() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningHours.of("08:00", "18:00")));
        }
        return of(BERLIN, week, Set.of());
    }

    /** Open around the clock, every day: business time is wall-clock time. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return of(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (Interval interval : intervalsOn(day)) {
            if (!t.isBefore(interval.start) && t.isBefore(interval.end)) {
                return true;
            }
        }
        return false;
    }

    /** The instant at which {@code minutes} of business time have passed since {@code start}. */
    public Instant plusBusinessMinutes(Instant start, long minutes) {
        return plus(start, Duration.ofMinutes(minutes));
    }

    /** The instant at which {@code amount} of business time has passed since {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time cannot be negative: " + amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Interval interval : intervalsOn(day)) {
                if (!interval.end.isAfter(start)) {
                    continue;
                }
                Instant from = interval.start.isAfter(start) ? interval.start : start;
                Duration available = Duration.between(from, interval.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days of " + start);
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval interval : intervalsOn(day)) {
                Instant start = interval.start.isAfter(from) ? interval.start : from;
                Instant end = interval.end.isBefore(to) ? interval.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whole minutes of business time between two instants. */
    public long businessMinutesBetween(Instant from, Instant to) {
        return businessTimeBetween(from, to).toMinutes();
    }

    private List<Interval> intervalsOn(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<OpeningHours> hours = week.getOrDefault(day.getDayOfWeek(), List.of());
        List<Interval> intervals = new ArrayList<>(hours.size());
        for (OpeningHours h : hours) {
            // A local time that does not exist (the spring gap) moves forward, as ZonedDateTime.of does.
            Instant start = ZonedDateTime.of(day, h.opens(), zone).toInstant();
            Instant end = h.closes().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, h.closes(), zone).toInstant();
            if (end.isAfter(start)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private record Interval(Instant start, Instant end) {
    }
}
