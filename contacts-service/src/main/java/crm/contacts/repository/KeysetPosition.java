package crm.contacts.repository;

import crm.platform.paging.Cursor;
import crm.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The position a cursor of a time-ordered list encodes, checked before it reaches SQL: a cursor is opaque
 * to clients but not trusted, so a forged one is a 400, never a failing query.
 */
public record KeysetPosition(OffsetDateTime time, UUID id) {

    public static KeysetPosition of(Cursor cursor) {
        try {
            return new KeysetPosition(OffsetDateTime.parse(cursor.sortKey()), UUID.fromString(cursor.id()));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    /** The cursor of a row at {@code time} with {@code id}, in a list with the given sort name. */
    public static Cursor cursor(String sort, OffsetDateTime time, UUID id) {
        return new Cursor(sort, time.toString(), id.toString());
    }
}
