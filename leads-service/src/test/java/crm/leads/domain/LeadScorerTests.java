package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadScorerTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static final ScoringRules RULES = new ScoringRules(
            new ScoringRules.Fit(List.of(
                    new ScoringRules.RegionRule("Hamburg metro", List.of("20", "21", "22"), 20),
                    new ScoringRules.RegionRule("Hamburg city", List.of("200"), 25),
                    new ScoringRules.RegionRule("Outside", List.of("9"), -10)),
                    List.of(new ScoringRules.CompanySizeRule(CompanySize.MEDIUM, 10),
                            new ScoringRules.CompanySizeRule(CompanySize.MICRO, -5)),
                    List.of(new ScoringRules.ProductRule("EB-CARGO-500", 15), new ScoringRules.ProductRule("EB-TOUR-300", 10),
                            new ScoringRules.ProductRule("EB-KIDS-100", 10), new ScoringRules.ProductRule("SPARE-PART", -5)),
                    30),
            new ScoringRules.Engagement(5, 20, 10, 30, 20, 14));

    private static ScoringFacts facts(String postalCode, CompanySize size, List<String> products, int conversations,
                                      int formFills, Instant lastEngaged) {
        return new ScoringFacts(postalCode, size, products, conversations, formFills, lastEngaged);
    }

    private static int points(Score score, String rule) {
        return score.explanation().stream().filter(l -> l.rule().equals(rule)).mapToInt(Score.Line::points).sum();
    }

    @Test
    void shouldScoreNothingForALeadWithoutFactsOrEngagement() {
        Score score = LeadScorer.score(RULES, facts(null, null, List.of(), 0, 0, null), NOW);

        assertThat(score.points()).isZero();
        assertThat(score.explanation()).isEmpty();
    }

    @ParameterizedTest(name = "postal code {0} scores {1} for region")
    @CsvSource({"20095, 25", "21029, 20", "22767, 20", "20000, 25", "30159, 0", "99084, -10", "2, 0", "' 20 095 ', 25"})
    void shouldScoreTheRegionWithTheLongestMatchingPrefix(String postalCode, int expected) {
        Score score = LeadScorer.score(RULES, facts(postalCode.replace(" ", ""), null, List.of(), 0, 0, null), NOW);

        assertThat(points(score, "fit.region")).isEqualTo(expected);
    }

    @Test
    void shouldNameTheRegionInTheExplanation() {
        Score score = LeadScorer.score(RULES, facts("21029", null, List.of(), 0, 0, null), NOW);

        assertThat(score.explanation()).containsExactly(new Score.Line("fit.region", 20, "Hamburg metro (postal code 21029)"));
    }

    @ParameterizedTest(name = "company size {0} scores {1}")
    @CsvSource({"50-249, 10", "1-9, -5", "1000+, 0"})
    void shouldScoreCompanySize(String size, int expected) {
        Score score = LeadScorer.score(RULES, facts(null, CompanySize.of(size), List.of(), 0, 0, null), NOW);

        assertThat(points(score, "fit.companySize")).isEqualTo(expected);
    }

    @Test
    void shouldCapPositiveProductPointsButKeepNegativeOnes() {
        Score capped = LeadScorer.score(RULES, facts(null, null,
                List.of("EB-CARGO-500", "EB-TOUR-300", "EB-KIDS-100"), 0, 0, null), NOW);
        Score withSpare = LeadScorer.score(RULES, facts(null, null,
                List.of("EB-CARGO-500", "EB-TOUR-300", "EB-KIDS-100", "SPARE-PART"), 0, 0, null), NOW);

        assertThat(points(capped, "fit.products")).isEqualTo(30);
        assertThat(capped.explanation().get(0).detail()).contains("capped at 30");
        assertThat(points(withSpare, "fit.products")).isEqualTo(25);
    }

    @Test
    void shouldCountEachProductOnceAndMatchSkusCaseInsensitively() {
        Score score = LeadScorer.score(RULES, facts(null, null, List.of("eb-cargo-500", "EB-CARGO-500", "UNKNOWN"),
                0, 0, null), NOW);

        assertThat(points(score, "fit.products")).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} conversations score {1}")
    @CsvSource({"0, 0", "1, 5", "3, 15", "4, 20", "10, 20"})
    void shouldScoreConversationsUpToTheirCap(int conversations, int expected) {
        Score score = LeadScorer.score(RULES, facts(null, null, List.of(), conversations, 0, null), NOW);

        assertThat(points(score, "engagement.conversations")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} form fills score {1}")
    @CsvSource({"0, 0", "1, 10", "2, 20", "3, 30", "7, 30"})
    void shouldScoreFormFillsUpToTheirCap(int fills, int expected) {
        Score score = LeadScorer.score(RULES, facts(null, null, List.of(), 0, fills, null), NOW);

        assertThat(points(score, "engagement.formFills")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "engaged {0} hours ago: {1} recency points")
    @CsvSource({"0, 20", "168, 14", "336, 10", "672, 5", "1008, 3", "2016, 0", "-5, 20"})
    void shouldHalveRecencyPointsEveryHalfLife(long hoursAgo, int expected) {
        Instant last = NOW.minus(Duration.ofHours(hoursAgo));

        assertThat(LeadScorer.recencyPoints(RULES.engagement(), last, NOW)).isEqualTo(expected);
    }

    @Test
    void shouldAddUpTheExplanationToTheScore() {
        Score score = LeadScorer.score(RULES, facts("20095", CompanySize.MEDIUM, List.of("EB-CARGO-500"), 2, 1, NOW), NOW);

        assertThat(score.points()).isEqualTo(25 + 10 + 15 + 10 + 10 + 20);
        assertThat(score.explanation().stream().mapToInt(Score.Line::points).sum()).isEqualTo(score.points());
        assertThat(score.explanation()).extracting(Score.Line::rule).containsExactly("fit.region", "fit.companySize",
                "fit.products", "engagement.conversations", "engagement.formFills", "engagement.recency");
    }

    @Test
    void shouldBoundTheScoreAt100AndSayWhy() {
        Score score = LeadScorer.score(RULES, facts("20095", CompanySize.MEDIUM,
                List.of("EB-CARGO-500", "EB-TOUR-300", "EB-KIDS-100"), 10, 10, NOW), NOW);

        assertThat(score.points()).isEqualTo(100);
        assertThat(score.explanation()).last().extracting(Score.Line::rule).isEqualTo("bound");
        assertThat(score.explanation().stream().mapToInt(Score.Line::points).sum()).isEqualTo(100);
    }

    @Test
    void shouldNotGoBelowZero() {
        Score score = LeadScorer.score(RULES, facts("99084", CompanySize.MICRO, List.of("SPARE-PART"), 0, 0, null), NOW);

        assertThat(score.points()).isZero();
        assertThat(score.explanation().stream().mapToInt(Score.Line::points).sum()).isZero();
    }

    @Test
    void shouldGiveTheDefaultsEngagementButNoFit() {
        Score score = LeadScorer.score(ScoringRules.defaults(), facts("20095", CompanySize.LARGE, List.of("X"), 1, 1, NOW),
                NOW);

        assertThat(points(score, "fit.region") + points(score, "fit.companySize") + points(score, "fit.products")).isZero();
        assertThat(score.points()).isEqualTo(5 + 10 + 20);
    }
}
