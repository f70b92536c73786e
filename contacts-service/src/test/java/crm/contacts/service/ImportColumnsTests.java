package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import crm.contacts.service.ImportColumns.Column;
import crm.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportColumnsTests {

    private static final Map<String, CustomField> DEFINITIONS = Map.of("frame_size",
            new CustomField("frame_size", CustomFieldType.TEXT, "Rahmen", "Frame", false, List.of(), 1, null, null));

    @Test
    void shouldFindColumnsInAnyOrderAndCase() {
        ImportColumns columns = ImportColumns.of(new String[] {"LASTNAME", " firstName ", "E-Mail".replace("-", ""),
                "cf.frame_size"}, DEFINITIONS);
        String[] row = {"Schulz", "Jana", " jana@example.com ", "M"};

        assertThat(columns.value(row, Column.LAST_NAME)).isEqualTo("Schulz");
        assertThat(columns.value(row, Column.EMAIL)).isEqualTo("jana@example.com");
        assertThat(columns.value(row, Column.PHONE)).isNull();
        assertThat(columns.customFieldValues(row)).containsExactlyEntriesOf(Map.of("frame_size", "M"));
        assertThat(columns.value(new String[] {"Schulz"}, Column.FIRST_NAME)).as("missing trailing cell").isNull();
    }

    @Test
    void shouldRemoveTheApostropheTheExportPutsBeforeFormulaLikeValues() {
        ImportColumns columns = ImportColumns.of(new String[] {"firstName", "lastName"}, DEFINITIONS);

        assertThat(columns.value(new String[] {"'=Jana", "'O'Brien"}, Column.FIRST_NAME)).isEqualTo("=Jana");
        assertThat(columns.value(new String[] {"'=Jana", "'O'Brien"}, Column.LAST_NAME)).isEqualTo("'O'Brien");
    }

    @Test
    void shouldRefuseUnknownRepeatedAndMissingColumnsNamingTheHeader() {
        assertRefused(new String[] {"firstName", "lastName", "shoeSize"}, "column 3 is not a contact column");
        assertRefused(new String[] {"firstName", "lastName", "FIRSTNAME"}, "column 3 repeats column 1");
        assertRefused(new String[] {"firstName", "email"}, "a lastName column is required");
        assertRefused(new String[] {"firstName", "lastName", "cf.shoe_size"}, "no custom field with that key");
    }

    private static void assertRefused(String[] header, String message) {
        assertThatThrownBy(() -> ImportColumns.of(header, DEFINITIONS)).isInstanceOf(ProblemException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().errors().get(0).field()).isEqualTo("header"));
    }

    @Test
    void shouldWriteTheExportHeaderInTheColumnsTheImportReads() {
        List<String> header = ImportColumns.exportHeader(List.of("frame_size"));

        assertThat(header).startsWith("id", "externalId").endsWith("updatedAt", "cf.frame_size");
        ImportColumns.of(header.toArray(String[]::new), DEFINITIONS);
    }
}
