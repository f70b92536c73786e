package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.platform.time.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Speed-to-lead arithmetic over business hours, weekends, holidays and daylight-saving changes (Berlin time). */
class SlaClockTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar STANDARD = SlaClock.calendarOf(CalendarSettings.standard());

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    private static String local(Instant instant) {
        return instant.atZone(BERLIN).toLocalDateTime().toString();
    }

    @ParameterizedTest(name = "captured {0}, {1} min -> due {2}")
    @CsvSource({
            "2026-11-25T10:00, 60, 2026-11-25T11:00",      // Wednesday, inside hours
            "2026-11-25T17:30, 60, 2026-11-26T08:30",      // runs over the evening
            "2026-11-25T20:00, 60, 2026-11-26T09:00",      // captured after closing
            "2026-11-25T06:00, 30, 2026-11-25T08:30",      // captured before opening
            "2026-11-27T17:00, 120, 2026-11-30T09:00",     // Friday afternoon to Monday
            "2026-11-28T11:00, 15, 2026-11-30T08:15",      // Saturday
            "2026-11-29T23:59, 1, 2026-11-30T08:01",       // Sunday night
            "2026-11-25T10:00, 600, 2026-11-26T10:00",     // one full business day
            "2026-11-25T10:00, 3000, 2026-12-02T10:00",    // five business days span a weekend
            "2026-11-25T18:00, 1, 2026-11-26T08:01"})      // exactly at closing
    void shouldCountOnlyBusinessMinutes(String captured, int minutes, String due) {
        SlaClock.Plan plan = SlaClock.plan(STANDARD, berlin(captured), minutes, 1.0);

        assertThat(local(plan.dueAt())).isEqualTo(due);
    }

    @Test
    void shouldNotLoseOrGainAnHourOverTheSpringDaylightSavingChange() {
        // 29 March 2026: clocks go from 02:00 to 03:00. Open around the clock, a 3-hour target from 01:00 local
        // ends at 05:00 local (3 real hours), not at 04:00.
        BusinessCalendar always = SlaClock.calendarOf(allWeek("Europe/Berlin", "00:00", "24:00"));

        SlaClock.Plan plan = SlaClock.plan(always, berlin("2026-03-29T01:00"), 180, 1.0);

        assertThat(local(plan.dueAt())).isEqualTo("2026-03-29T05:00");
        assertThat(plan.dueAt()).isEqualTo(berlin("2026-03-29T01:00").plusSeconds(3 * 3600));
    }

    @Test
    void shouldCountTheExtraHourOfTheAutumnDaylightSavingChange() {
        // 25 October 2026: clocks go back from 03:00 to 02:00; the night has 25 real hours.
        BusinessCalendar always = SlaClock.calendarOf(allWeek("Europe/Berlin", "00:00", "24:00"));

        SlaClock.Plan plan = SlaClock.plan(always, berlin("2026-10-25T01:00"), 180, 1.0);

        assertThat(plan.dueAt()).isEqualTo(berlin("2026-10-25T01:00").plusSeconds(3 * 3600));
        assertThat(local(plan.dueAt())).isEqualTo("2026-10-25T03:00");
    }

    @Test
    void shouldKeepLocalOpeningHoursAcrossTheDaylightSavingWeekend() {
        // Friday 27 March 17:00 (CET) + 2 business hours: 1 h on Friday, 1 h from Monday 08:00 (CEST).
        SlaClock.Plan plan = SlaClock.plan(STANDARD, berlin("2026-03-27T17:00"), 120, 1.0);

        assertThat(local(plan.dueAt())).isEqualTo("2026-03-30T09:00");
        assertThat(STANDARD.businessMinutesBetween(berlin("2026-03-27T17:00"), plan.dueAt())).isEqualTo(120);
    }

    @Test
    void shouldSkipHolidays() {
        CalendarSettings withHolidays = new CalendarSettings("Europe/Berlin", CalendarSettings.standard().week(),
                List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

        SlaClock.Plan plan = SlaClock.plan(SlaClock.calendarOf(withHolidays), berlin("2026-12-23T17:30"), 60, 1.0);

        assertThat(local(plan.dueAt())).isEqualTo("2026-12-28T08:30");
    }

    @Test
    void shouldHonourALunchBreak() {
        CalendarSettings split = new CalendarSettings("Europe/Berlin", List.of(
                new CalendarSettings.OpeningHours(Weekday.MONDAY, "09:00", "12:00"),
                new CalendarSettings.OpeningHours(Weekday.MONDAY, "13:00", "18:00")), List.of());

        SlaClock.Plan plan = SlaClock.plan(SlaClock.calendarOf(split), berlin("2026-11-30T11:30"), 60, 1.0);

        assertThat(local(plan.dueAt())).isEqualTo("2026-11-30T13:30");
    }

    @ParameterizedTest(name = "{0} min at warning share {1}: at risk after {2} min")
    @CsvSource({"60, 0.75, 45", "60, 0.5, 30", "1, 0.75, 0", "10, 1.0, 10", "90, 0.8, 72"})
    void shouldWarnAtTheWarningShareOfTheTarget(int minutes, double share, int warnAfter) {
        Instant captured = berlin("2026-11-25T09:00");

        SlaClock.Plan plan = SlaClock.plan(STANDARD, captured, minutes, share);

        assertThat(STANDARD.businessMinutesBetween(captured, plan.warnAt())).isEqualTo(warnAfter);
        assertThat(plan.warnAt()).isBeforeOrEqualTo(plan.dueAt());
    }

    @Test
    void shouldWarnAcrossTheWeekendToo() {
        SlaClock.Plan plan = SlaClock.plan(STANDARD, berlin("2026-11-27T17:30"), 60, 0.75);

        assertThat(local(plan.warnAt())).isEqualTo("2026-11-30T08:15");
        assertThat(local(plan.dueAt())).isEqualTo("2026-11-30T08:30");
    }

    @Test
    void shouldUseTheChannelTargetAndTheUnitsCalendar() {
        CalendarSettings saturdays = new CalendarSettings("Europe/Berlin", List.of(
                new CalendarSettings.OpeningHours(Weekday.SATURDAY, "09:00", "14:00")), List.of());
        SlaPolicy policy = new SlaPolicy(CalendarSettings.standard(),
                List.of(new SlaPolicy.UnitCalendar("hamburg", saturdays)), 240,
                List.of(new SlaPolicy.ChannelTarget(Channel.WEBSITE, 30)), 0.75, SlaEscalation.NOTIFY);
        Instant saturday = berlin("2026-11-28T10:00");

        assertThat(local(SlaClock.plan(policy, "hamburg", Channel.WEBSITE, saturday).dueAt())).isEqualTo("2026-11-28T10:30");
        assertThat(local(SlaClock.plan(policy, "munich", Channel.WEBSITE, saturday).dueAt())).isEqualTo("2026-11-30T08:30");
        assertThat(local(SlaClock.plan(policy, null, Channel.TRADE_FAIR, saturday).dueAt())).isEqualTo("2026-11-30T12:00");
        assertThat(SlaClock.plan(policy, null, Channel.TRADE_FAIR, saturday).minutes()).isEqualTo(240);
    }

    @Test
    void shouldTreatAnAlwaysOpenCalendarAsWallClockTime() {
        BusinessCalendar always = SlaClock.calendarOf(allWeek("UTC", "00:00", "24:00"));
        Instant captured = Instant.parse("2026-11-28T23:59:30Z");

        SlaClock.Plan plan = SlaClock.plan(always, captured, 1, 0.75);

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-29T00:00:30Z"));
        assertThat(plan.warnAt()).isEqualTo(captured);
    }

    @Test
    void shouldMeasureHowLongALeadWaited() {
        assertThat(SlaClock.waitedMinutes(STANDARD, berlin("2026-11-27T17:00"), berlin("2026-11-30T09:00"))).isEqualTo(120);
    }

    @Test
    void shouldRefuseCalendarsThatCannotWork() {
        assertThatThrownBy(() -> SlaClock.calendarOf(new CalendarSettings("Mars/Olympus", CalendarSettings.standard().week(),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> SlaClock.calendarOf(new CalendarSettings("Europe/Berlin", List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaClock.calendarOf(new CalendarSettings("Europe/Berlin", List.of(
                new CalendarSettings.OpeningHours(Weekday.MONDAY, "18:00", "08:00")), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monday");
        assertThatThrownBy(() -> SlaClock.calendarOf(new CalendarSettings("Europe/Berlin", List.of(
                new CalendarSettings.OpeningHours(Weekday.MONDAY, "08:00", "13:00"),
                new CalendarSettings.OpeningHours(Weekday.MONDAY, "12:00", "18:00")), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    static CalendarSettings allWeek(String zone, String opens, String closes) {
        List<CalendarSettings.OpeningHours> week = java.util.Arrays.stream(Weekday.values())
                .map(d -> new CalendarSettings.OpeningHours(d, opens, closes)).toList();
        return new CalendarSettings(zone, week, List.of());
    }
}
