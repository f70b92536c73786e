package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import crm.platform.time.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business-hours arithmetic of the SLA clock on real calendars: weekends, holidays, daylight-saving changes
 * and pauses across closing time. Times are written in Berlin local time, the way staff read them.
 */
class SlaClockTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar STANDARD = BusinessCalendar.standard();

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static BusinessCalendar withHolidays(String... dates) {
        Map<DayOfWeek, List<BusinessCalendar.OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(BusinessCalendar.OpeningHours.of("08:00", "18:00")));
        }
        return BusinessCalendar.of(BERLIN, week, Set.of(dates).stream().map(LocalDate::parse)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void shouldBeDueWithinTheSameBusinessDay() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T10:00"));

        assertThat(clock.reaches(60, STANDARD)).isEqualTo(berlin("2026-11-23T11:00"));
    }

    @Test
    void shouldContinueNextMorningWhenTheTargetPassesClosingTime() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T17:00"));

        assertThat(clock.reaches(120, STANDARD)).isEqualTo(berlin("2026-11-24T09:00"));
    }

    @Test
    void shouldSkipTheWeekend() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-27T17:30"));

        assertThat(clock.reaches(60, STANDARD)).isEqualTo(berlin("2026-11-30T08:30"));
        assertThat(clock.elapsedAt(berlin("2026-11-29T23:59"), STANDARD)).isEqualTo(30);
    }

    @Test
    void shouldStartCountingAtOpeningForATicketOpenedOnSaturday() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-28T12:00"));

        assertThat(clock.reaches(30, STANDARD)).isEqualTo(berlin("2026-11-30T08:30"));
        assertThat(clock.elapsedAt(berlin("2026-11-30T08:00"), STANDARD)).isZero();
    }

    @Test
    void shouldSkipHolidaysAndTheWeekendAfterThem() {
        BusinessCalendar christmas = withHolidays("2026-12-24", "2026-12-25");
        SlaClock clock = SlaClock.startedAt(berlin("2026-12-23T17:00"));

        // 60 minutes on the 23rd, then Thursday and Friday are holidays and the weekend follows.
        assertThat(clock.reaches(120, christmas)).isEqualTo(berlin("2026-12-28T09:00"));
        assertThat(clock.elapsedAt(berlin("2026-12-27T12:00"), christmas)).isEqualTo(60);
    }

    @Test
    void shouldTreatAHolidayOnAWeekdayLikeASunday() {
        BusinessCalendar newYear = withHolidays("2027-01-01");
        SlaClock clock = SlaClock.startedAt(berlin("2027-01-01T09:00"));

        assertThat(clock.reaches(10, newYear)).isEqualTo(berlin("2027-01-04T08:10"));
    }

    @Test
    void shouldKeepOpeningHoursInLocalTimeAcrossTheSpringChange() {
        // Clocks go forward on Sunday 2026-03-29: Friday closes at 17:00 UTC, Monday opens at 06:00 UTC.
        SlaClock clock = SlaClock.startedAt(berlin("2026-03-27T17:00"));

        Instant due = clock.reaches(120, STANDARD);

        assertThat(due).isEqualTo(berlin("2026-03-30T09:00")).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void shouldKeepOpeningHoursInLocalTimeAcrossTheAutumnChange() {
        // Clocks go back on Sunday 2026-10-25: Monday 08:30 in Berlin is 07:30 UTC, no longer 06:30.
        SlaClock clock = SlaClock.startedAt(berlin("2026-10-23T17:30"));

        assertThat(clock.reaches(60, STANDARD)).isEqualTo(Instant.parse("2026-10-26T07:30:00Z"));
    }

    @Test
    void shouldCountTheShortNightOfTheSpringChangeOnAnAlwaysOpenCalendar() {
        BusinessCalendar alwaysOpen = BusinessCalendar.alwaysOpen(BERLIN);
        SlaClock clock = SlaClock.startedAt(berlin("2026-03-28T23:00"));

        // 02:00 to 03:00 local does not exist that night: three hours of business time end at 03:00 CEST.
        assertThat(clock.reaches(180, alwaysOpen)).isEqualTo(berlin("2026-03-29T03:00"));
        assertThat(clock.elapsedAt(berlin("2026-03-29T03:00"), alwaysOpen)).isEqualTo(180);
    }

    @Test
    void shouldNotCountAPauseAcrossClosingTime() {
        SlaClock running = SlaClock.startedAt(berlin("2026-11-23T16:00"));

        SlaClock paused = running.pausedAt(berlin("2026-11-23T17:00"), STANDARD);
        SlaClock resumed = paused.resumedAt(berlin("2026-11-24T10:00"));

        assertThat(paused.elapsedMinutes()).isEqualTo(60);
        assertThat(paused.reaches(240, STANDARD)).as("no due time while paused").isNull();
        // 180 minutes remain from Tuesday 10:00; Monday 17-18 and Tuesday 8-10 were paused.
        assertThat(resumed.reaches(240, STANDARD)).isEqualTo(berlin("2026-11-24T13:00"));
        assertThat(resumed.elapsedAt(berlin("2026-11-24T11:00"), STANDARD)).isEqualTo(120);
    }

    @Test
    void shouldResumeAfterClosingAndContinueNextMorning() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T17:00"))
                .pausedAt(berlin("2026-11-23T17:20"), STANDARD)
                .resumedAt(berlin("2026-11-23T19:00"));

        assertThat(clock.elapsedMinutes()).isEqualTo(20);
        assertThat(clock.reaches(60, STANDARD)).isEqualTo(berlin("2026-11-24T08:40"));
    }

    @Test
    void shouldAddSeveralPausesUp() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T08:00"))
                .pausedAt(berlin("2026-11-23T08:30"), STANDARD)
                .resumedAt(berlin("2026-11-23T12:00"))
                .pausedAt(berlin("2026-11-23T12:45"), STANDARD)
                .resumedAt(berlin("2026-11-25T08:00"));

        assertThat(clock.elapsedMinutes()).isEqualTo(75);
        assertThat(clock.reaches(100, STANDARD)).isEqualTo(berlin("2026-11-25T08:25"));
    }

    @Test
    void shouldBeDueAtOnceWhenTheTargetIsAlreadyUsedUp() {
        SlaClock clock = new SlaClock(300, berlin("2026-11-24T09:00"));

        assertThat(clock.reaches(240, STANDARD)).isEqualTo(berlin("2026-11-24T09:00"));
    }

    @Test
    void shouldIgnoreRepeatedPausesAndResumes() {
        SlaClock paused = SlaClock.startedAt(berlin("2026-11-23T09:00")).pausedAt(berlin("2026-11-23T10:00"), STANDARD);

        assertThat(paused.pausedAt(berlin("2026-11-23T15:00"), STANDARD)).isEqualTo(paused);
        SlaClock resumed = paused.resumedAt(berlin("2026-11-23T11:00"));
        assertThat(resumed.resumedAt(berlin("2026-11-23T12:00"))).isEqualTo(resumed);
    }

    @Test
    void shouldUseTheUnitsOwnTimeZone() {
        Map<DayOfWeek, List<BusinessCalendar.OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(BusinessCalendar.OpeningHours.of("09:00", "17:00")));
        BusinessCalendar lisbon = BusinessCalendar.of(ZoneId.of("Europe/Lisbon"), week, Set.of());
        SlaClock clock = SlaClock.startedAt(Instant.parse("2026-11-23T08:00:00Z"));

        // 09:00 in Lisbon is 09:00 UTC in November, an hour after the ticket opened.
        assertThat(clock.reaches(30, lisbon)).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    }

    @Test
    void shouldHandleSplitOpeningHours() {
        Map<DayOfWeek, List<BusinessCalendar.OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(BusinessCalendar.OpeningHours.of("09:00", "13:00"),
                BusinessCalendar.OpeningHours.of("14:00", "18:00")));
        BusinessCalendar lunchBreak = BusinessCalendar.of(BERLIN, week, Set.of());
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T12:30"));

        assertThat(clock.reaches(60, lunchBreak)).isEqualTo(berlin("2026-11-23T14:30"));
    }
}
