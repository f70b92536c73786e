package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactKeysTests {

    @ParameterizedTest(name = "[{0}] in {1} -> {2}")
    @CsvSource(value = {
            "040 123456|DE|4940123456", "+49 40 123456|DE|4940123456", "0049 40 123456|DE|4940123456",
            "+49 (0)40 123456|DE|4940123456", "+49 040 123456|DE|4940123456", "0170/1234567|null|491701234567",
            "01 234 5678|AT|4312345678", "+43 1 234 5678|DE|4312345678", "+41 (0)44 123 45 67|DE|41441234567",
            "020 7946 0958|GB|442079460958", "12345|DE|null", "call me|DE|null", "|DE|null"},
            delimiter = '|', nullValues = "null")
    void shouldMatchPhonesByTheirE164Digits(String typed, String country, String key) {
        assertThat(ContactKeys.phone(typed, country)).isEqualTo(key);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(value = {" Jana.Schulz@Example.COM |jana.schulz@example.com", "|null", "'  '|null"},
            delimiter = '|', nullValues = "null")
    void shouldMatchEmailsCaseInsensitively(String address, String key) {
        assertThat(ContactKeys.email(address)).isEqualTo(key);
    }
}
