package crm.analytics.rest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One CSV line (RFC 4180, CRLF). Fields with commas, quotes or line breaks are quoted. A field that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe; a phone number
 * in E.164 form ("+49...") is left as it is, it is data the audience is exported for.
 */
final class CsvLine {

    private static final java.util.regex.Pattern PHONE_NUMBER = java.util.regex.Pattern.compile("\\+[0-9 ]{4,20}");

    private CsvLine() {
    }

    static String of(List<String> fields) {
        return fields.stream().map(CsvLine::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !PHONE_NUMBER.matcher(value).matches();
        String safe = formula ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
