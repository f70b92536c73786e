package crm.leads.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.leads.domain.CompanySize;
import crm.leads.domain.Salutation;
import crm.platform.problem.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Reading trade-fair lists: CSV records, header aliases and how a row becomes lead details or errors. */
class CsvImportParsingTests {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static List<List<String>> records(String csv, char delimiter) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv), delimiter);
        List<List<String>> all = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            all.add(r);
        }
        return all;
    }

    @Test
    void shouldReadQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        List<List<String>> rows = records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1, 2 ,3", ',');

        assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("1", "2", "3"));
    }

    @Test
    void shouldKeepEmptyFieldsAndTrailingDelimiters() throws IOException {
        assertThat(records("a;;c;\n", ';')).containsExactly(List.of("a", "", "c", ""));
    }

    @Test
    void shouldReportAnUnclosedQuote() {
        assertThatThrownBy(() -> records("a,\"b\n", ',')).isInstanceOf(CsvReader.MalformedCsv.class);
    }

    @Test
    void shouldDetectTheDelimiterFromTheHeader() {
        assertThat(CsvReader.delimiterOf("Vorname;Nachname;E-Mail")).isEqualTo(';');
        assertThat(CsvReader.delimiterOf("firstName,lastName,email")).isEqualTo(',');
        assertThat(CsvReader.delimiterOf("firstName\tlastName\temail")).isEqualTo('\t');
        assertThat(CsvReader.delimiterOf("name")).isEqualTo(',');
    }

    @Test
    void shouldMapGermanAndEnglishHeaders() {
        LeadCsv.Layout layout = LeadCsv.Layout.of(List.of("\uFEFFAnrede", "Vorname", "Nachname", "E-Mail", "Telefon",
                "Firma", "Mitarbeiter", "PLZ", "Ort", "Produkte", "Unknown"));

        LeadCsv.Parsed parsed = LeadCsv.parse(2, List.of("Frau", "Jana", "Schulz", "Jana@Example.com", "040 123456",
                "Velo GmbH", "50-249", "20095", "Hamburg", "EB-1|EB-2| EB-1", "ignored"), layout, VALIDATOR);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.details().salutation()).isEqualTo(Salutation.FRAU);
        assertThat(parsed.details().email()).isEqualTo("jana@example.com");
        assertThat(parsed.details().companySize()).isEqualTo(CompanySize.MEDIUM);
        assertThat(parsed.details().postalCode()).isEqualTo("20095");
        assertThat(parsed.details().productsOfInterest()).containsExactly("EB-1", "EB-2");
    }

    @Test
    void shouldRefuseAFileThatCannotYieldLeads() {
        assertThatThrownBy(() -> LeadCsv.Layout.of(List.of("firstName", "email")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("lastName or companyName");
        assertThatThrownBy(() -> LeadCsv.Layout.of(List.of("lastName", "city")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("email or phone");
    }

    @Test
    void shouldNameEveryProblemOfARowWithItsNumber() {
        LeadCsv.Layout layout = LeadCsv.Layout.of(List.of("salutation", "lastName", "email", "phone", "companySize"));

        LeadCsv.Parsed unreachable = LeadCsv.parse(3, List.of("", "Hansen", "", "", ""), layout, VALIDATOR);
        LeadCsv.Parsed invalid = LeadCsv.parse(4, List.of("Sir", "Hansen", "not-an-email", "", "huge"), layout, VALIDATOR);
        LeadCsv.Parsed shortRow = LeadCsv.parse(5, List.of("", "Hansen"), layout, VALIDATOR);

        assertThat(unreachable.details()).isNull();
        assertThat(unreachable.errors()).extracting(e -> e.row() + ":" + e.field()).containsExactly("3:email");
        assertThat(invalid.errors()).extracting(e -> e.row() + ":" + e.field())
                .containsExactlyInAnyOrder("4:salutation", "4:companySize", "4:email");
        assertThat(shortRow.errors()).extracting(e -> e.field()).containsExactly("email");
    }
}
