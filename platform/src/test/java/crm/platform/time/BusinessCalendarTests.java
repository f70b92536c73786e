package crm.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.platform.time.BusinessCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTests {

    private static final BusinessCalendar STANDARD = BusinessCalendar.standard();

    /** Berlin local time, e.g. 2026-11-30T10:00 (a Monday). */
    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.BERLIN).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} min = {2}")
    @CsvSource({
            "2026-11-30T10:00, 60, 2026-11-30T11:00",   // Monday, inside opening hours
            "2026-11-30T17:30, 30, 2026-11-30T18:00",   // ends exactly at closing time
            "2026-11-30T17:30, 31, 2026-12-01T08:01",   // runs over into the next morning
            "2026-12-04T17:30, 60, 2026-12-07T08:30",   // Friday evening to Monday morning
            "2026-12-05T12:00, 30, 2026-12-07T08:30",   // starts on a Saturday
            "2026-12-01T06:00, 10, 2026-12-01T08:10",   // starts before opening
            "2026-12-01T06:00, 0, 2026-12-01T08:00",    // nothing to add while closed: the next opening
            "2026-12-01T09:15, 0, 2026-12-01T09:15",    // nothing to add while open: now
            "2026-12-01T20:00, 600, 2026-12-02T18:00",  // a whole business day
            "2026-11-30T08:00, 3000, 2026-12-04T18:00", // a whole business week
    })
    void shouldAddBusinessMinutesOnlyWhileOpen(String start, long minutes, String expected) {
        assertThat(STANDARD.plusBusinessMinutes(berlin(start), minutes)).isEqualTo(berlin(expected));
    }

    @ParameterizedTest(name = "{0} to {1} = {2} min")
    @CsvSource({
            "2026-11-30T10:00, 2026-11-30T11:30, 90",
            "2026-12-04T17:00, 2026-12-07T09:00, 120",  // over a weekend
            "2026-12-05T09:00, 2026-12-06T17:00, 0",    // only weekend
            "2026-11-30T19:00, 2026-12-01T07:00, 0",    // only night
            "2026-11-30T11:00, 2026-11-30T10:00, 0",    // backwards
            "2026-11-30T00:00, 2026-12-07T00:00, 3000", // a calendar week
    })
    void shouldCountBusinessMinutesBetweenTwoInstants(String from, String to, long expected) {
        assertThat(STANDARD.businessMinutesBetween(berlin(from), berlin(to))).isEqualTo(expected);
    }

    @Test
    void shouldSkipHolidays() {
        BusinessCalendar christmas = BusinessCalendar.of(BusinessCalendar.BERLIN, weekdays("08:00", "18:00"),
                Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

        // Wednesday 17:00 + 2h: Thursday and Friday are holidays, then the weekend.
        assertThat(christmas.plusBusinessMinutes(berlin("2026-12-23T17:00"), 120)).isEqualTo(berlin("2026-12-28T09:00"));
        assertThat(christmas.businessMinutesBetween(berlin("2026-12-23T17:00"), berlin("2026-12-28T09:00")))
                .isEqualTo(120);
        assertThat(christmas.isOpen(berlin("2026-12-24T10:00"))).isFalse();
        assertThat(STANDARD.isOpen(berlin("2026-12-24T10:00"))).isTrue();
    }

    @Test
    void shouldFollowLocalOpeningHoursAcrossDaylightSavingChanges() {
        BusinessCalendar nights = BusinessCalendar.of(BusinessCalendar.BERLIN, everyDay("00:00", "06:00"), Set.of());

        // 29 March 2026: clocks jump from 02:00 to 03:00, the night shift is one hour shorter.
        assertThat(nights.businessMinutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00"))).isEqualTo(300);
        // 25 October 2026: clocks go back from 03:00 to 02:00, the night shift is one hour longer.
        assertThat(nights.businessMinutesBetween(berlin("2026-10-25T00:00"), berlin("2026-10-25T06:00"))).isEqualTo(420);
        // Four business hours from midnight end at local 05:00 on the short night, at 03:00 (second pass) on the long one.
        assertThat(nights.plusBusinessMinutes(berlin("2026-03-29T00:00"), 240)).isEqualTo(berlin("2026-03-29T05:00"));
        assertThat(nights.plusBusinessMinutes(berlin("2026-10-25T00:00"), 240))
                .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void shouldKeepDaytimeHoursWholeOnADaylightSavingDay() {
        BusinessCalendar everyDay = BusinessCalendar.of(BusinessCalendar.BERLIN, everyDay("08:00", "18:00"), Set.of());

        assertThat(everyDay.businessMinutesBetween(berlin("2026-03-28T17:00"), berlin("2026-03-29T09:00")))
                .isEqualTo(120);
        assertThat(everyDay.plusBusinessMinutes(berlin("2026-10-24T17:00"), 120)).isEqualTo(berlin("2026-10-25T09:00"));
    }

    @Test
    void shouldHonourALunchBreak() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(OpeningHours.of("13:00", "17:00"), OpeningHours.of("08:00", "12:00")));
        BusinessCalendar withLunch = BusinessCalendar.of(BusinessCalendar.BERLIN, week, Set.of());

        assertThat(withLunch.plusBusinessMinutes(berlin("2026-11-30T11:30"), 60)).isEqualTo(berlin("2026-11-30T13:30"));
        assertThat(withLunch.isOpen(berlin("2026-11-30T12:30"))).isFalse();
        assertThat(withLunch.businessMinutesBetween(berlin("2026-11-30T00:00"), berlin("2026-12-01T00:00")))
                .isEqualTo(480);
        // The next Monday is a week later.
        assertThat(withLunch.plusBusinessMinutes(berlin("2026-11-30T16:30"), 60)).isEqualTo(berlin("2026-12-07T08:30"));
    }

    @Test
    void shouldPauseAClockAcrossClosingTime() {
        // A 120-minute target starts Monday 17:00; the clock pauses from 17:30 (waiting for the customer)
        // until Tuesday 09:00 and runs again: 30 minutes used, 90 left.
        Instant started = berlin("2026-11-30T17:00");
        Duration used = STANDARD.businessTimeBetween(started, berlin("2026-11-30T17:30"));
        Instant due = STANDARD.plus(berlin("2026-12-01T09:00"), Duration.ofMinutes(120).minus(used));

        assertThat(used).isEqualTo(Duration.ofMinutes(30));
        assertThat(due).isEqualTo(berlin("2026-12-01T10:30"));
        // Without the pause the target would have been due Tuesday 09:00.
        assertThat(STANDARD.plusBusinessMinutes(started, 120)).isEqualTo(berlin("2026-12-01T09:00"));
    }

    @Test
    void shouldTreatAlwaysOpenAsWallClockTime() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen(BusinessCalendar.BERLIN);

        assertThat(always.plusBusinessMinutes(berlin("2026-12-05T23:30"), 45)).isEqualTo(berlin("2026-12-06T00:15"));
        assertThat(always.businessMinutesBetween(berlin("2026-03-28T12:00"), berlin("2026-03-29T12:00"))).isEqualTo(1380);
        assertThat(always.isOpen(berlin("2026-12-06T03:00"))).isTrue();
    }

    @Test
    void shouldRejectImpossibleCalendars() {
        assertThatThrownBy(() -> OpeningHours.of("18:00", "08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.of(BusinessCalendar.BERLIN, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.of(BusinessCalendar.BERLIN,
                Map.of(DayOfWeek.MONDAY, List.of(OpeningHours.of("08:00", "12:00"), OpeningHours.of("11:00", "14:00"))),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.plus(berlin("2026-11-30T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<DayOfWeek, List<OpeningHours>> weekdays(String opens, String closes) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(OpeningHours.of(opens, closes)));
            }
        }
        return week;
    }

    private static Map<DayOfWeek, List<OpeningHours>> everyDay(String opens, String closes) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(OpeningHours.of(opens, closes)));
        }
        return week;
    }
}
