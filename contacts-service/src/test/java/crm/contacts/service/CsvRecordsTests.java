package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTests {

    private static List<String[]> read(String csv) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (CsvRecords in = CsvRecords.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            String[] record;
            while ((record = in.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void shouldReadQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        List<String[]> records = read("firstName,lastName,street\r\n\"Jana\",\"Schulz, Dr.\",\"Am \"\"Hafen\"\"\n2. OG\"\r\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1)).containsExactly("Jana", "Schulz, Dr.", "Am \"Hafen\"\n2. OG");
    }

    @Test
    void shouldTakeTheSeparatorTheHeaderUsesAndSkipAByteOrderMark() throws IOException {
        List<String[]> records = read("\uFEFFfirstName;lastName;city\nJürgen;Müller;Köln, Rhein\n");

        assertThat(records.get(0)).containsExactly("firstName", "lastName", "city");
        assertThat(records.get(1)).containsExactly("Jürgen", "Müller", "Köln, Rhein");
        assertThat(read("firstName\tlastName\nA\tB\n").get(1)).containsExactly("A", "B");
    }

    @Test
    void shouldSkipBlankLinesButCountThemAsRows() throws IOException {
        try (CsvRecords in = CsvRecords.open(new ByteArrayInputStream("a,b\n\n1,2\n".getBytes(StandardCharsets.UTF_8)))) {
            in.next();
            assertThat(in.next()).containsExactly("1", "2");
            assertThat(in.number()).isEqualTo(3);
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void shouldReportAQuoteThatIsNeverClosedAsMalformed() {
        assertThatThrownBy(() -> read("a,b\n\"open,2\n")).isInstanceOf(CsvRecords.MalformedCsv.class);
    }
}
