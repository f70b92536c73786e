package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactCsvWriterTests {

    @Test
    void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(ContactCsvWriter.text("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(ContactCsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ContactCsvWriter.text("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(ContactCsvWriter.text("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void shouldLeavePhoneNumbersNumbersAndTextAlone() {
        assertThat(ContactCsvWriter.text("+491701234567")).isEqualTo("+491701234567");
        assertThat(ContactCsvWriter.text("-12.5")).isEqualTo("-12.5");
        assertThat(ContactCsvWriter.text("Müller-Lüdenscheidt")).isEqualTo("Müller-Lüdenscheidt");
        assertThat(ContactCsvWriter.text(null)).isEmpty();
    }
}
