package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTests {

    private static List<CsvRecordReader.CsvRecord> all(String csv) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(csv));
        List<CsvRecordReader.CsvRecord> records = new ArrayList<>();
        CsvRecordReader.CsvRecord record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecordReader.CsvRecord> records = all("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,");

        assertThat(records).extracting(CsvRecordReader.CsvRecord::fields).containsExactly(
                List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\nlines", "z"), List.of("last", ""));
        assertThat(records).extracting(CsvRecordReader.CsvRecord::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void shouldReportAnOverlongFieldAndAnOpenQuoteWithoutStopping() throws IOException {
        String longField = "x".repeat(CsvRecordReader.MAX_FIELD + 1);
        List<CsvRecordReader.CsvRecord> records = all("ok,1\n" + longField + ",2\nfine,3\n\"open,4");

        assertThat(records).hasSize(4);
        assertThat(records.get(1).problem()).contains("longer than");
        assertThat(records.get(1).fields()).isEmpty();
        assertThat(records.get(2).fields()).containsExactly("fine", "3");
        assertThat(records.get(3).problem()).contains("not closed");
    }

    @Test
    void shouldTreatAnEmptyLineAsBlank() throws IOException {
        List<CsvRecordReader.CsvRecord> records = all("a\n\nb\n");

        assertThat(records).extracting(CsvRecordReader.CsvRecord::isBlank).containsExactly(false, true, false);
    }
}
