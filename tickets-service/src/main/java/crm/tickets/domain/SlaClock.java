package crm.tickets.domain;

import crm.platform.time.BusinessCalendar;
import java.time.Instant;

/**
 * The business-minute clock of a ticket. It runs from opening, stands still while the ticket waits for
 * the customer and once it is resolved or closed, and counts only the calendar's opening hours. While it
 * runs, {@code elapsedMinutes} holds what was counted before {@code runningSince}; while it stands,
 * {@code runningSince} is {@code null} and {@code elapsedMinutes} is the whole count.
 */
public record SlaClock(long elapsedMinutes, Instant runningSince) {

    public static final SlaClock STOPPED = new SlaClock(0, null);

    public static SlaClock startedAt(Instant at) {
        return new SlaClock(0, at);
    }

    public boolean running() {
        return runningSince != null;
    }

    /** Business minutes counted up to {@code at}. */
    public long elapsedAt(Instant at, BusinessCalendar calendar) {
        if (!running() || !at.isAfter(runningSince)) {
            return elapsedMinutes;
        }
        return elapsedMinutes + calendar.businessMinutesBetween(runningSince, at);
    }

    public SlaClock pausedAt(Instant at, BusinessCalendar calendar) {
        return running() ? new SlaClock(elapsedAt(at, calendar), null) : this;
    }

    public SlaClock resumedAt(Instant at) {
        return running() ? this : new SlaClock(elapsedMinutes, at);
    }

    /**
     * When the count reaches {@code minutes}: {@code null} while the clock stands (nothing can become due),
     * the moment it last started when the count is already there (due now).
     */
    public Instant reaches(long minutes, BusinessCalendar calendar) {
        if (!running()) {
            return null;
        }
        long remaining = minutes - elapsedMinutes;
        return remaining <= 0 ? runningSince : calendar.plusBusinessMinutes(runningSince, remaining);
    }
}
