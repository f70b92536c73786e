package crm.contacts.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a CSV file record by record as it arrives, so that a file of any size needs the memory of one
 * record. Quoted fields may contain separators, quotes (doubled) and line breaks (RFC 4180). The
 * separator is whatever the header line uses most of comma, semicolon and tab: spreadsheets in
 * German-speaking countries save CSV with semicolons. A UTF-8 byte order mark is skipped.
 */
final class CsvRecords implements Closeable {

    /** A record that is not CSV, e.g. with an unclosed quote: the file cannot be read past it. */
    static final class MalformedCsv extends IOException {
        MalformedCsv(Throwable cause) {
            super("malformed CSV", cause);
        }
    }

    /** The source stays open when a record is malformed: the rest of the upload is still read (and dropped). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private static final int HEADER_PEEK = 64 * 1024;

    private final BufferedReader reader;
    private final MappingIterator<String[]> records;
    private long number;

    private CsvRecords(BufferedReader reader, char separator) throws IOException {
        this.reader = reader;
        this.records = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(reader);
    }

    static CsvRecords open(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return new CsvRecords(reader, separatorOf(reader));
    }

    /** The next record's fields, or null at the end of the file. Blank lines are skipped. */
    String[] next() throws IOException {
        try {
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                number++;
                if (!isBlank(fields)) {
                    return fields;
                }
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new MalformedCsv(e);
        }
    }

    /** The number of the record {@link #next()} returned last, counting the header as 1 (as spreadsheets show it). */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        records.close();
        reader.close();
    }

    private static boolean isBlank(String[] fields) {
        for (String field : fields) {
            if (field != null && !field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Counts the candidate separators outside quotes in the first line. */
    private static char separatorOf(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_PEEK; i++) {
            int c = reader.read();
            if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
