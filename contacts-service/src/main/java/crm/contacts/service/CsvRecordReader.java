package crm.contacts.service;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream, so a large upload is never held in memory:
 * comma-separated fields, double quotes around fields that contain commas, quotes or line breaks, and
 * {@code ""} for a quote inside a quoted field. Fields longer than {@link #MAX_FIELD} characters make the
 * record unreadable rather than exhausting memory.
 */
final class CsvRecordReader {

    static final int MAX_FIELD = 4_000;
    private static final int MAX_FIELDS = 100;

    /** A record and the line it starts on (1 = the header); {@code problem} is set when it could not be read. */
    record CsvRecord(int line, List<String> fields, String problem) {

        boolean isBlank() {
            return problem == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    CsvRecord next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    problem = "a quoted field is not closed";
                }
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else if (c == ',') {
                if (fields.size() <= MAX_FIELDS) {
                    fields.add(field.toString());
                }
                field.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    pushBack(n);
                }
                line++;
                break;
            } else if (c == '\n') {
                line++;
                break;
            } else {
                append(field, (char) c);
            }
            fieldStart = false;
            c = read();
        }
        fields.add(field.toString());
        if (field.length() > MAX_FIELD || fields.stream().anyMatch(f -> f.length() > MAX_FIELD)) {
            problem = "a field is longer than " + MAX_FIELD + " characters";
        } else if (fields.size() > MAX_FIELDS) {
            problem = "the record has more than " + MAX_FIELDS + " fields";
        }
        return new CsvRecord(start, problem == null ? fields : List.of(), problem);
    }

    /** Keeps reading past an overlong field (to find the record's end) without keeping its characters. */
    private static void append(StringBuilder field, char c) {
        if (field.length() <= MAX_FIELD) {
            field.append(c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void pushBack(int c) {
        pushedBack = c;
    }
}
