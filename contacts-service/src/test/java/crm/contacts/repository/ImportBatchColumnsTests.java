package crm.contacts.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportBatchColumnsTests {

    @Test
    void shouldWriteTagsAsATextArrayLiteralThatPostgresReadsBack() {
        assertThat(ImportBatchColumns.arrayLiteral(List.of())).isEqualTo("{}");
        assertThat(ImportBatchColumns.arrayLiteral(List.of("vip", "e-bike"))).isEqualTo("{\"vip\",\"e-bike\"}");
        assertThat(ImportBatchColumns.arrayLiteral(List.of("a,b", "say \"hi\"", "back\\slash", "{x}", "NULL")))
                .isEqualTo("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"{x}\",\"NULL\"}");
    }
}
