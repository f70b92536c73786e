package crm.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberNormaliserTests {

    @ParameterizedTest(name = "{0} with default country {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "+49 40 123456        | DE | +4940123456",
            "0049 40 123456       | DE | +4940123456",
            "040 123456           | DE | +4940123456",
            "040/123456           | DE | +4940123456",
            "(040) 123 456        | DE | +4940123456",
            "040-123456           | DE | +4940123456",
            "+49 (0)40 123456     | DE | +4940123456",
            "+49 040 123456       | DE | +4940123456",
            "+49-40-123456        | DE | +4940123456",
            "0170 1234567         | DE | +491701234567",
            "+49 170 1234567      | DE | +491701234567",
            "0049 (0) 170 1234567 | DE | +491701234567",
            "040 123456           |    | +4940123456",
            "+43 1 5123456        | DE | +4315123456",
            "01 5123456           | AT | +4315123456",
            "044 123 45 67        | CH | +41441234567",
            "+41 (0)44 123 45 67  | DE | +41441234567",
            "020 7946 0958        | GB | +442079460958",
            "+44 20 7946 0958     | DE | +442079460958",
            "06 12 34 56 78       | FR | +33612345678",
            "06 12 34 56 78       | NL | +31612345678",
            "06 1234 5678         | IT | +390612345678",
            "+39 06 1234 5678     | DE | +390612345678",
            "612 345 678          | ES | +34612345678",
            "(212) 555-0123       | US | +12125550123",
            "1 212 555 0123       | US | +12125550123",
            "+1 212 555 0123      | DE | +12125550123",
            "+352 26 12 34        | DE | +352261234",
            "  +49 40 123456      | de | +4940123456",
            "+49.40.123456        | DE | +4940123456",
            "+86 10 1234 5678     | DE | +861012345678"})
    void shouldNormaliseTypedNumbersToE164(String typed, String country, String expected) {
        assertThat(PhoneNumberNormaliser.normalise(typed, country)).isEqualTo(expected.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"", "   ", "call me", "040 123456 ext. 12", "+49 40 12a456", "++49 40 123456",
            "49+40123456", "123456", "+0 40 123456", "00 0 40 123456", "+49 40", "12", "0", "+",
            "+49 40 1234567890123456", "040 123456; drop table contact", "0040 123"})
    void shouldRefuseWhatIsNotAPhoneNumber(String typed) {
        assertThatThrownBy(() -> PhoneNumberNormaliser.normalise(typed, "DE"))
                .isInstanceOf(PhoneNumberNormaliser.InvalidPhoneNumber.class)
                .hasMessageStartingWith("must");
    }

    @ParameterizedTest(name = "{0} in {1} needs an international form")
    @CsvSource(delimiter = '|', value = {"040 123456 | BR", "555 0123 | US", "40 123456 | DE"})
    void shouldRefuseNationalNumbersItCannotPlace(String typed, String country) {
        assertThatThrownBy(() -> PhoneNumberNormaliser.normalise(typed, country))
                .isInstanceOf(PhoneNumberNormaliser.InvalidPhoneNumber.class);
    }
}
