package crm.analytics.rest;

import crm.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Query parameters of the reports, parsed here so that a bad value answers 400 naming the parameter and
 * what is allowed (the framework's own conversion would answer 404 without saying why).
 */
final class ReportParams {

    static final int MAX_YEARS = 10;

    private ReportParams() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    static int integer(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(field, "must be a whole number between " + min + " and " + max);
    }

    static int limit(String value, int defaultValue, int max) {
        return integer("limit", value, defaultValue, 1, max);
    }

    static BigDecimal fraction(String field, String value, BigDecimal defaultValue, BigDecimal min) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.strip());
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(BigDecimal.ONE) <= 0 && value.length() <= 20) {
                return parsed.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(field, "must be a number between " + min.toPlainString() + " and 1");
    }

    static LocalDate date(String field, String value, LocalDate defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date like 2026-11-27");
        }
    }

    static YearMonth month(String field, String value, YearMonth defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a month like 2026-11");
        }
    }

    /** from must not be after to, and the range must not exceed {@value #MAX_YEARS} years. */
    static void requireRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        if (ChronoUnit.YEARS.between(from, to) >= MAX_YEARS) {
            throw ProblemException.badRequest("from", "the range may span at most " + MAX_YEARS + " years");
        }
    }

    static void requireRange(YearMonth from, YearMonth to) {
        requireRange(from.atDay(1), to.atEndOfMonth());
    }

    /** An optional text of bounded length, stripped; null when absent. */
    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ProblemException.badRequest(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    static <T> T choice(String field, String value, T defaultValue, java.util.function.Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }
}
