package crm.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellResourceTests {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "/console/customers?q=x, /console/customers?q=x",
            "/console/, /console/",
            "https://evil.example.com/console, /console/",
            "//evil.example.com/console, /console/",
            "/consolex/../../etc, /console/",
            "/console/../q/metrics, /console/",
            "/api/v1/contacts, /console/",
            "none, /console/"})
    void shouldGoBackOnlyToAPageOfTheConsole(String back, String expected) {
        assertThat(ShellResource.safeBack(back)).isEqualTo(expected);
    }
}
