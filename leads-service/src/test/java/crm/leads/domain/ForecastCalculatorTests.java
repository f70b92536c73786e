package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastCalculatorTests {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Test
    void shouldWeighOpenDealsByProbabilityAndCountWonDealsInFull() {
        // March: 10,000 at 25 % = 2,500; 4,000 at 50 % = 2,000; won 3,000 at 100 %. Forecast 7,500.
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.MONTH, MARCH, MARCH, List.of(
                open("2026-03", "EUR", 25, "10000.00", 1),
                open("2026-03", "EUR", 50, "4000.00", 1),
                won("2026-03", "EUR", "3000.00", 1)), "EUR");

        ForecastLine march = forecast.lines().get(0);
        assertThat(forecast.lines()).hasSize(1);
        assertThat(march.key()).isEqualTo("2026-03");
        assertThat(march.openCount()).isEqualTo(2);
        assertThat(march.openAmount()).isEqualByComparingTo("14000.00");
        assertThat(march.weightedAmount()).isEqualByComparingTo("4500.00");
        assertThat(march.wonCount()).isEqualTo(1);
        assertThat(march.wonAmount()).isEqualByComparingTo("3000.00");
        assertThat(march.forecast()).isEqualByComparingTo("7500.00");
        assertThat(forecast.totals()).singleElement().satisfies(t -> assertThat(t.forecast()).isEqualByComparingTo("7500.00"));
    }

    @Test
    void shouldRoundTheWeightedSumOnceNotEveryDeal() {
        // Three deals of 0.01 at 50 %: 0.005 each, 0.015 together -> 0.02 (rounding each would give 0.03).
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.OWNER, MARCH, MARCH, List.of(
                open("ana", "EUR", 50, "0.03", 3)), "EUR");

        assertThat(forecast.lines().get(0).weightedAmount()).isEqualByComparingTo("0.02");
        assertThat(forecast.lines().get(0).weightedAmount().scale()).isEqualTo(2);
    }

    @Test
    void shouldFillEveryMonthOfTheRangeSoChartsHaveNoGaps() {
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.MONTH, MARCH, MAY, List.of(
                open("2026-04", "EUR", 10, "1000.00", 1)), "EUR");

        assertThat(forecast.lines()).extracting(ForecastLine::key).containsExactly("2026-03", "2026-04", "2026-05");
        assertThat(forecast.lines().get(0).forecast()).isEqualByComparingTo("0.00");
        assertThat(forecast.lines().get(1).forecast()).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldFillEmptyMonthsInTheDefaultCurrencyWhenNothingIsInTheRange() {
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.MONTH, MARCH, MAY, List.of(), "CHF");

        assertThat(forecast.lines()).hasSize(3).allSatisfy(l -> {
            assertThat(l.currency()).isEqualTo("CHF");
            assertThat(l.forecast()).isEqualByComparingTo("0");
        });
        assertThat(forecast.totals()).isEmpty();
    }

    @Test
    void shouldNeverAddAmountsOfDifferentCurrencies() {
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.UNIT, MARCH, MAY, List.of(
                open("hamburg", "EUR", 50, "1000.00", 1),
                open("hamburg", "CHF", 50, "1000.00", 1),
                won("munich", "EUR", "200.00", 2)), "EUR");

        assertThat(forecast.lines()).extracting(l -> l.key() + "/" + l.currency() + "=" + l.forecast().toPlainString())
                .containsExactly("hamburg/CHF=500.00", "hamburg/EUR=500.00", "munich/EUR=200.00");
        assertThat(forecast.totals()).extracting(l -> l.currency() + "=" + l.forecast().toPlainString())
                .containsExactly("CHF=500.00", "EUR=700.00");
    }

    @Test
    void shouldListDealsWithoutUnitOrOwnerLast() {
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.UNIT, MARCH, MARCH, List.of(
                open(null, "EUR", 10, "100.00", 1),
                open("berlin", "EUR", 10, "100.00", 1)), "EUR");

        assertThat(forecast.lines()).extracting(ForecastLine::key).containsExactly("berlin", null);
    }

    @Test
    void shouldCountDealsOfZeroAndFullProbabilityExactly() {
        Forecast forecast = ForecastCalculator.calculate(ForecastGrouping.OWNER, MARCH, MARCH, List.of(
                open("ana", "EUR", 0, "5000.00", 1),
                open("ana", "EUR", 100, "1234.56", 1),
                open("ana", "EUR", 33, "100.00", 1)), "EUR");

        // 0 + 1,234.56 + 33.00
        assertThat(forecast.lines().get(0).weightedAmount()).isEqualByComparingTo("1267.56");
        assertThat(forecast.lines().get(0).openAmount()).isEqualByComparingTo("6334.56");
    }

    private static ForecastBucket open(String key, String currency, int probability, String amount, long count) {
        return new ForecastBucket(key, currency, OpportunityStatus.OPEN, probability, new BigDecimal(amount), count);
    }

    private static ForecastBucket won(String key, String currency, String amount, long count) {
        return new ForecastBucket(key, currency, OpportunityStatus.WON, 100, new BigDecimal(amount), count);
    }
}
