package crm.leads.service;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: quoted fields may contain the delimiter, doubled quotes and
 * line breaks), so an import never holds the whole file. The delimiter is given by the caller, who takes it
 * from the header line: German spreadsheets write semicolons.
 */
final class CsvReader {

    /** A record that cannot be read, e.g. a quote that is never closed. */
    static final class MalformedCsv extends IOException {
        MalformedCsv(String message) {
            super(message);
        }
    }

    private static final int MAX_FIELD = 10_000;

    private final Reader in;
    private final char delimiter;
    private int pending = -2;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The delimiter a header line uses: semicolon, tab or comma, whichever occurs most (comma on a tie). */
    static char delimiterOf(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The next record's fields, or {@code null} at the end. Blank lines are skipped. */
    List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsv("a quoted field is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    append(field, c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                return fields;
            }
            if (c == delimiter) {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                append(field, c);
            }
        }
    }

    private static void append(StringBuilder field, int c) throws MalformedCsv {
        if (field.length() >= MAX_FIELD) {
            throw new MalformedCsv("a field is longer than " + MAX_FIELD + " characters");
        }
        field.append((char) c);
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pending = c;
    }
}
