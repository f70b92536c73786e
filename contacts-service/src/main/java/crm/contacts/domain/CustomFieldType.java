package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of value a custom field holds, and the one canonical form each is stored, compared and
 * published in: text and choice as trimmed strings, dates as ISO 8601 {@code yyyy-MM-dd} strings, numbers
 * as plain decimals without trailing zeros (so 1.50 and 1.5 are the same value).
 */
public enum CustomFieldType {
    @JsonProperty("text") TEXT("text"),
    @JsonProperty("number") NUMBER("number"),
    @JsonProperty("date") DATE("date"),
    @JsonProperty("choice") CHOICE("choice");

    public static final int MAX_TEXT_LENGTH = 1000;
    /** A double represents every decimal of up to 15 significant digits exactly, whatever parsed the JSON. */
    public static final int MAX_NUMBER_DIGITS = 15;

    private final String value;

    CustomFieldType(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static CustomFieldType of(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be text, number, date or choice"));
    }

    /**
     * The canonical form of {@code raw} (a JSON value as Jackson reads it into an Object, or a string from
     * a query parameter or CSV cell); {@link IllegalArgumentException} with what is allowed otherwise.
     */
    public Object canonical(Object raw, List<String> options) {
        return switch (this) {
            case TEXT -> text(raw);
            case NUMBER -> number(raw);
            case DATE -> date(raw);
            case CHOICE -> choice(raw, options);
        };
    }

    private static String text(Object raw) {
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException("must be a text");
        }
        String value = s.strip();
        if (value.isEmpty() || value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("must be a text of 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    private static BigDecimal number(Object raw) {
        BigDecimal number;
        try {
            number = toDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number such as 42 or 1234.5");
        }
        BigDecimal canonical = new BigDecimal(number.stripTrailingZeros().toPlainString());
        if (canonical.precision() > MAX_NUMBER_DIGITS) {
            throw new IllegalArgumentException("must be a number of at most " + MAX_NUMBER_DIGITS + " significant digits");
        }
        return canonical;
    }

    private static BigDecimal toDecimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof java.math.BigInteger b) {
            return new BigDecimal(b);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isFinite(d)) {
                return new BigDecimal(raw.toString());
            }
        }
        if (raw instanceof String s && s.strip().matches("[+-]?[0-9]{1,20}([.,][0-9]{1,20})?")) {
            return new BigDecimal(s.strip().replace(',', '.'));
        }
        throw new NumberFormatException();
    }

    private static String date(Object raw) {
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.strip()).toString();
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("must be a date in the form 2026-12-31");
    }

    private static String choice(Object raw, List<String> options) {
        if (raw instanceof String s && options.contains(s.strip())) {
            return s.strip();
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", options));
    }
}
