package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageChoiceTests {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "none, 'de-DE,de;q=0.9,en;q=0.8', de",
            "none, 'en-US,en;q=0.9', en",
            "none, 'fr-FR,fr;q=0.9,de;q=0.5', de",
            "none, 'fr-FR', en",
            "none, none, en",
            "none, '!!not a header', en",
            "en, 'de-DE,de', en",
            "de, 'en-GB', de",
            "xx, 'de', de"})
    void shouldPreferTheUsersChoiceThenTheBrowserThenEnglish(String cookie, String acceptLanguage, String expected) {
        assertThat(LanguageChoice.choose(cookie, acceptLanguage)).isEqualTo(Locale.forLanguageTag(expected));
    }
}
