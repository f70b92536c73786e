package crm.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginCheckTests {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "http://localhost:8080, localhost:8080, true",
            "http://localhost:8080/console/customers/1, localhost:8080, true",
            "https://api.crm.example.com, api.crm.example.com, true",
            "https://API.crm.example.com:443, api.crm.example.com, true",
            "http://localhost:8085, localhost:8080, false",
            "https://evil.example.com, api.crm.example.com, false",
            "https://api.crm.example.com.evil.example.com, api.crm.example.com, false",
            "none, localhost:8080, false",
            "not a url, localhost:8080, false",
            "http://localhost:8080, none, false"})
    void shouldAcceptOnlyChangesSentFromTheConsolesOwnHost(String source, String host, boolean accepted) {
        assertThat(SameOriginCheck.sameHost(source, host)).isEqualTo(accepted);
    }
}
