package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpportunityPricingTests {

    @ParameterizedTest(name = "{0} x {1} less {2} % = {3}")
    @CsvSource({
            // quantity, unit price, discount %, line total (worked out by hand)
            "1, 2999.00, 0, 2999.00",
            "12, 4799.00, 8.5, 52693.02",      // 57588 x 0.915 = 52693.02 exactly
            "3, 19.99, 0, 59.97",
            "3, 19.99, 10, 53.97",             // 59.97 x 0.9 = 53.973 -> 53.97
            "1, 0.05, 10, 0.05",               // 0.045 -> half up -> 0.05
            "1, 0.05, 30, 0.04",               // 0.035 -> half up -> 0.04
            "1.5, 89.00, 0, 133.50",           // a service billed in hours
            "0.333, 10.00, 0, 3.33",           // 3.33 exactly
            "0.335, 10.00, 0, 3.35",
            "2, 100.00, 100, 0.00",            // given away
            "7, 0.00, 0, 0.00",                // free item
            "1, 1.01, 33.33, 0.67",            // 1.01 x 0.6667 = 0.673367 -> 0.67
            "999999999.999, 999999999999.99, 0, 999999999998990000000.00" // 10^21 - 10^9 - 10^7 + 0.00001: no overflow
    })
    void shouldPriceALineAndRoundOnceHalfUpToTheCent(String quantity, String unitPrice, String discount, String total) {
        assertThat(OpportunityPricing.lineTotal(new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discount)))
                .isEqualByComparingTo(total)
                .satisfies(t -> assertThat(t.scale()).isEqualTo(2));
    }

    @Test
    void shouldTreatAMissingDiscountAsNone() {
        assertThat(OpportunityPricing.lineTotal(new BigDecimal("2"), new BigDecimal("10.10"), null))
                .isEqualByComparingTo("20.20");
    }

    @Test
    void shouldAddUpTheRoundedLineTotals() {
        // Each line rounds on its own: 0.045 -> 0.05 three times is 0.15, not round(0.135) = 0.14.
        OpportunityLine line = line(OpportunityPricing.lineTotal(BigDecimal.ONE, new BigDecimal("0.05"), BigDecimal.TEN));
        assertThat(OpportunityPricing.amount(List.of(line, line, line))).isEqualByComparingTo("0.15");
        assertThat(OpportunityPricing.amount(List.of())).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldRefuseImpossibleLines() {
        assertThatThrownBy(() -> OpportunityPricing.lineTotal(BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpportunityPricing.lineTotal(BigDecimal.ONE, new BigDecimal("-1"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpportunityPricing.lineTotal(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShowMoneyWithTwoDecimals() {
        assertThat(OpportunityPricing.money(new BigDecimal("5")).toPlainString()).isEqualTo("5.00");
        assertThat(OpportunityPricing.money(new BigDecimal("5.5")).toPlainString()).isEqualTo("5.50");
        assertThat(OpportunityPricing.money(null)).isNull();
    }

    private static OpportunityLine line(BigDecimal total) {
        return new OpportunityLine(UUID.randomUUID(), "SKU", "Item", ProductKind.PRODUCT, BigDecimal.ONE, total,
                BigDecimal.ZERO, total);
    }
}
