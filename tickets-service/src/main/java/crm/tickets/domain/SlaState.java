package crm.tickets.domain;

import crm.platform.time.BusinessCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a ticket stands against its SLA: the terms (none when no policy matched), the clock, what was
 * measured when the targets were met, and when each warning and breach happened (each happens at most
 * once). The due times are derived from the clock and the calendar and stored for views and display.
 */
public record SlaState(SlaTerms terms, SlaClock clock, Long firstResponseMinutes, Long resolutionMinutes,
                       OffsetDateTime firstResponseWarnedAt, OffsetDateTime firstResponseBreachedAt,
                       OffsetDateTime resolutionWarnedAt, OffsetDateTime resolutionBreachedAt,
                       OffsetDateTime firstResponseDueAt, OffsetDateTime resolutionDueAt) {

    /** The clock of a new ticket; {@code terms} may be null when no policy applies (the clock still measures). */
    public static SlaState start(SlaTerms terms, Instant at) {
        return new SlaState(terms, SlaClock.startedAt(at), null, null, null, null, null, null, null, null);
    }

    public Long measured(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
    }

    /** The target is promised and not yet met. */
    public boolean pending(SlaTarget target) {
        return terms != null && measured(target) == null;
    }

    public OffsetDateTime marked(SlaTimer timer) {
        if (timer.target() == SlaTarget.FIRST_RESPONSE) {
            return timer.stage() == SlaStage.WARNING ? firstResponseWarnedAt : firstResponseBreachedAt;
        }
        return timer.stage() == SlaStage.WARNING ? resolutionWarnedAt : resolutionBreachedAt;
    }

    /** Records that {@code timer} fired at {@code at}. */
    public SlaState mark(SlaTimer timer, OffsetDateTime at) {
        boolean fr = timer.target() == SlaTarget.FIRST_RESPONSE;
        boolean warning = timer.stage() == SlaStage.WARNING;
        return new SlaState(terms, clock, firstResponseMinutes, resolutionMinutes,
                fr && warning ? at : firstResponseWarnedAt, fr && !warning ? at : firstResponseBreachedAt,
                !fr && warning ? at : resolutionWarnedAt, !fr && !warning ? at : resolutionBreachedAt,
                firstResponseDueAt, resolutionDueAt);
    }

    /** When {@code timer} should fire: {@code null} when it already did, its target is met or the clock stands. */
    public Instant dueAt(SlaTimer timer, BusinessCalendar calendar) {
        if (!pending(timer.target()) || marked(timer) != null) {
            return null;
        }
        return clock.reaches(terms.minutes(timer.target(), timer.stage()), calendar);
    }

    /** Every timer of the ticket with its due time; {@code null} means the timer must not exist. */
    public Map<SlaTimer, Instant> timers(BusinessCalendar calendar) {
        Map<SlaTimer, Instant> due = new LinkedHashMap<>();
        for (SlaTimer timer : SlaTimer.ALL) {
            due.put(timer, dueAt(timer, calendar));
        }
        return due;
    }

    public SlaState firstRespondedAt(Instant at, BusinessCalendar calendar) {
        if (firstResponseMinutes != null) {
            return this;
        }
        return with(clock, clock.elapsedAt(at, calendar), resolutionMinutes);
    }

    /** Waiting for the customer: the clock stands. */
    public SlaState pausedAt(Instant at, BusinessCalendar calendar) {
        return with(clock.pausedAt(at, calendar), firstResponseMinutes, resolutionMinutes);
    }

    public SlaState resumedAt(Instant at) {
        return with(clock.resumedAt(at), firstResponseMinutes, resolutionMinutes);
    }

    /** Resolved or closed: the resolution time is measured (once) and the clock stops. */
    public SlaState finishedAt(Instant at, BusinessCalendar calendar) {
        long elapsed = clock.elapsedAt(at, calendar);
        return with(clock.pausedAt(at, calendar), firstResponseMinutes,
                resolutionMinutes != null ? resolutionMinutes : elapsed);
    }

    /** Reopened: the resolution is pending again and the clock continues where it stopped. */
    public SlaState reopenedAt(Instant at) {
        return with(clock.resumedAt(at), firstResponseMinutes, null);
    }

    /**
     * Whether the measured time kept the promise; {@code null} without terms or before the target was met.
     * A breach that fired is final. Measured minutes are whole minutes rounded down, so a count that reached
     * the target means the target minute had passed: 2 min 5 s against a 2-minute target counts 2 and missed.
     */
    public Boolean met(SlaTarget target) {
        Long measured = measured(target);
        if (terms == null || measured == null) {
            return null;
        }
        return marked(new SlaTimer(target, SlaStage.BREACH)) == null && measured < terms.minutes(target);
    }

    /** Due times for display and views: the breach moment of each pending target while the clock runs. */
    public SlaState withDueTimes(BusinessCalendar calendar) {
        return new SlaState(terms, clock, firstResponseMinutes, resolutionMinutes, firstResponseWarnedAt,
                firstResponseBreachedAt, resolutionWarnedAt, resolutionBreachedAt,
                breachTime(SlaTarget.FIRST_RESPONSE, calendar), breachTime(SlaTarget.RESOLUTION, calendar));
    }

    private OffsetDateTime breachTime(SlaTarget target, BusinessCalendar calendar) {
        if (!pending(target)) {
            return null;
        }
        Instant at = clock.reaches(terms.minutes(target), calendar);
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private SlaState with(SlaClock nextClock, Long nextFirstResponse, Long nextResolution) {
        return new SlaState(terms, nextClock, nextFirstResponse, nextResolution, firstResponseWarnedAt,
                firstResponseBreachedAt, resolutionWarnedAt, resolutionBreachedAt, firstResponseDueAt,
                resolutionDueAt);
    }
}
