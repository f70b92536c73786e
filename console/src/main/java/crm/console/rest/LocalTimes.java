package crm.console.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Browser date and time fields are local; the API speaks instants. */
final class LocalTimes {

    private LocalTimes() {
    }

    /** {@code 2026-11-27T14:30} in the console's zone as an RFC 3339 instant; unreadable input passes unchanged. */
    static String toInstant(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    /** {@code 2026-11-27} as the instant that day begins in the console's zone; unreadable input passes unchanged. */
    static String dayStart(String date, ZoneId zone) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date).atStartOfDay(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }
}
