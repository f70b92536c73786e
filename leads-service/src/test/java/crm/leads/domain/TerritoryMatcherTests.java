package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerritoryMatcherTests {

    private static final Territories TERRITORIES = new Territories(List.of(
            new Territories.Territory("hamburg-metro", "hamburg", List.of("20", "21", "22"), List.of()),
            new Territories.Territory("harburg", "harburg", List.of(), List.of(new Territories.PostalCodeRange("21000", "21149"))),
            new Territories.Territory("altona", "altona", List.of("2276"), List.of()),
            new Territories.Territory("berlin", "berlin", List.of(), List.of(new Territories.PostalCodeRange("10115", "14199"))),
            new Territories.Territory("munich-city", "munich", List.of("80", "81"), List.of()),
            new Territories.Territory("munich-too", "munich-2", List.of("80"), List.of()),
            new Territories.Territory("london", "london", List.of("SW1A", "EC"), List.of()),
            new Territories.Territory("vienna", "vienna", List.of(), List.of(new Territories.PostalCodeRange("1010", "1239")))));

    private static String territory(String postalCode) {
        return TerritoryMatcher.match(TERRITORIES, postalCode).map(m -> m.territory().id()).orElse("none");
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            "20095, hamburg-metro",
            "22085, hamburg-metro",
            "21029, harburg",        // range 21000-21149 (150 codes) beats prefix 21 (1000 codes)
            "21149, harburg",        // inclusive upper end
            "21150, hamburg-metro",  // just outside the range
            "21000, harburg",        // inclusive lower end
            "22767, altona",         // longer prefix beats shorter
            "22769, altona",
            "22700, hamburg-metro",
            "10117, berlin",
            "14199, berlin",
            "14200, none",
            "80331, munich-city",    // equal specificity: the first listed wins
            "81371, munich-city",
            "30159, none",
            "sw1a 1aa, london",      // spaces and case do not matter
            "EC1A1BB, london",
            "1010, vienna",          // four-digit codes use four-digit ranges
            "10110, none",           // five digits: not in the four-digit Vienna range, below Berlin's
            "1240, none",
            "'', none"})
    void shouldFindTheMostSpecificTerritory(String postalCode, String expected) {
        assertThat(territory(postalCode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matched by {1}")
    @CsvSource({"20095, postal code prefix 20", "21029, postal code range 21000-21149", "22767, postal code prefix 2276"})
    void shouldSayHowItMatched(String postalCode, String rule) {
        Optional<TerritoryMatcher.Match> match = TerritoryMatcher.match(TERRITORIES, postalCode);

        assertThat(match).map(TerritoryMatcher.Match::rule).contains(rule);
    }

    @ParameterizedTest(name = "{0} in {1}-{2}: {3}")
    @CsvSource({"20095, 20000, 20999, true", "19999, 20000, 20999, false", "2009, 20000, 20999, false",
            "A5, A1, A9, true", "B1, A1, A9, false"})
    void shouldCompareRangesOfOneLength(String code, String from, String to, boolean inside) {
        assertThat(TerritoryMatcher.inRange(new Territories.PostalCodeRange(from, to), code)).isEqualTo(inside);
    }
}
