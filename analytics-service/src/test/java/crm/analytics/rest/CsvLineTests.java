package crm.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTests {

    @Test
    void shouldQuoteFieldsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(CsvLine.of(List.of("a", "b,c", "say \"hi\"", "two\nlines")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void shouldDefuseValuesASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvLine.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvLine.field("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(CsvLine.field("+491701234567")).isEqualTo("+491701234567");
        assertThat(CsvLine.field("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvLine.field("Müller")).isEqualTo("Müller");
    }
}
