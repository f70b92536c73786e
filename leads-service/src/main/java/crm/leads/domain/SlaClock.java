package crm.leads.domain;

import crm.platform.time.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Speed-to-lead arithmetic over business hours: when a lead captured at some instant is at risk and when
 * it is due. Minutes count only while the unit (or tenant) is open, so a web lead of Friday evening is
 * due on Monday morning, and a daylight-saving night costs or adds nothing.
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** When the target passes ({@code dueAt}) and when the lead turns at risk ({@code warnAt}, never after due). */
    public record Plan(int minutes, Instant warnAt, Instant dueAt) {
    }

    public static Plan plan(BusinessCalendar calendar, Instant capturedAt, int minutes, double warningShare) {
        long warnMinutes = Math.max(0, Math.min(minutes, (long) Math.floor(minutes * warningShare)));
        return new Plan(minutes, calendar.plusBusinessMinutes(capturedAt, warnMinutes),
                calendar.plusBusinessMinutes(capturedAt, minutes));
    }

    /** The plan of a lead of {@code channel} in {@code unitId} under the tenant's policy. */
    public static Plan plan(SlaPolicy policy, String unitId, Channel channel, Instant capturedAt) {
        return plan(calendarOf(policy.calendarFor(unitId)), capturedAt, policy.minutesFor(channel),
                policy.warningShare());
    }

    /** Business minutes a lead waited for its first contact. */
    public static long waitedMinutes(BusinessCalendar calendar, Instant capturedAt, Instant firstContactAt) {
        return calendar.businessMinutesBetween(capturedAt, firstContactAt);
    }

    /**
     * The platform calendar of configured settings. {@code 24:00} closes at midnight. Throws
     * IllegalArgumentException (with a message for the caller) for an unknown zone, overlapping hours or a
     * week without any opening hours.
     */
    public static BusinessCalendar calendarOf(CalendarSettings settings) {
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.zone());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("zone must be an IANA time zone such as Europe/Berlin");
        }
        Map<DayOfWeek, List<BusinessCalendar.OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (CalendarSettings.OpeningHours hours : settings.week()) {
            LocalTime opens = LocalTime.parse(hours.opens());
            LocalTime closes = "24:00".equals(hours.closes()) ? LocalTime.MIDNIGHT : LocalTime.parse(hours.closes());
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw new IllegalArgumentException("closes must be after opens on " + hours.day().name().toLowerCase());
            }
            week.computeIfAbsent(hours.day().day(), d -> new ArrayList<>())
                    .add(new BusinessCalendar.OpeningHours(opens, closes));
        }
        return BusinessCalendar.of(zone, week, new HashSet<>(settings.holidays()));
    }
}
