package crm.console.service;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How a deadline (follow-up due, SLA due) stands right now: overdue, due soon (within two hours) or later,
 * and the time left or past as a compact span such as {@code 2 h 05 min} or {@code 3 d 4 h}.
 */
@TemplateData
public record Due(boolean overdue, boolean soon, String span, long minutes) {

    static final Duration SOON = Duration.ofHours(2);

    public static Due of(Object iso, Instant now) {
        Instant deadline = parse(iso);
        if (deadline == null) {
            return null;
        }
        long minutes = Duration.between(now, deadline).toMinutes();
        boolean overdue = deadline.isBefore(now);
        return new Due(overdue, !overdue && minutes < SOON.toMinutes(), span(Math.abs(minutes)), minutes);
    }

    static String span(long minutes) {
        long days = minutes / (60 * 24);
        long hours = minutes % (60 * 24) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + String.format("%02d", rest) + " min";
        }
        return rest + " min";
    }

    static Instant parse(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.toString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
