package crm.contacts.service;

import crm.platform.problem.ProblemException;
import java.time.OffsetDateTime;

/**
 * Times a caller sends must lie in a plausible range: ISO 8601 allows years PostgreSQL cannot store, and
 * such a value must be a 400 naming the field, not a failing statement.
 */
final class Instants {

    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 2200;

    private Instants() {
    }

    static OffsetDateTime plausible(String field, OffsetDateTime value) {
        if (value != null && (value.getYear() < EARLIEST_YEAR || value.getYear() > LATEST_YEAR)) {
            throw ProblemException.badRequest(field, "must be between the years " + EARLIEST_YEAR + " and "
                    + LATEST_YEAR);
        }
        return value;
    }

    static boolean isPlausible(OffsetDateTime value) {
        return value == null || (value.getYear() >= EARLIEST_YEAR && value.getYear() <= LATEST_YEAR);
    }
}
