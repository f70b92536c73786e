package crm.leads.service;

import crm.platform.problem.ProblemException;
import crm.platform.tenancy.TenantContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/**
 * Checks and normalisations the sales side (opportunities, catalogue, campaigns) applies to what
 * callers send, each failing with a 400 that names the field. Dates are held to years the database
 * and people can mean (1900-2999), so an absurd year is a 400 rather than a failing insert.
 */
final class SalesInputs {

    /** PostgreSQL text cannot hold NUL characters; free texts refuse them with a 400 instead of failing on insert. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain NUL characters";

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2999;

    private SalesInputs() {
    }

    /** An ISO 4217 code in upper case; null becomes {@code fallback}. */
    static String currency(String field, String code, String fallback) {
        if (code == null) {
            return fallback;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.length() == 3) {
                return Currency.getInstance(upper).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // Not a known currency: reported below like any other malformed code.
        }
        throw ProblemException.badRequest(field, "must be an ISO 4217 currency code such as EUR");
    }

    static LocalDate sensibleDate(String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw ProblemException.badRequest(field, "must be a date between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return date;
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return sensibleDate(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date such as 2026-03-31");
        }
    }

    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            sensibleDate(field, month.atDay(1));
            return month;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a month such as 2026-03");
        }
    }

    static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an RFC 3339 date-time with offset");
        }
        sensibleDate(field, instant.toLocalDate());
        return instant;
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest(field, NO_NUL_MESSAGE);
        }
        if (stripped.length() > maxLength) {
            throw ProblemException.badRequest(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** Franchisee staff keep their records in their own unit; HQ staff may name any unit or none (brand-wide). */
    static String unitFor(TenantContext context, String requestedUnit, String what) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can place " + what + " only in your own unit " + context.unitId());
    }
}
