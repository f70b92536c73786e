package crm.leads.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of line items. A line total is quantity x unit price less the discount, rounded
 * commercially (half up) to the cent once per line, so every line on an offer adds up to the amount
 * shown at the bottom. The opportunity's amount is the sum of its line totals.
 */
public final class OpportunityPricing {

    /** The largest amount an opportunity may carry (the database column holds 14 digits before the point). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OpportunityPricing() {
    }

    public static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        if (quantity.signum() <= 0 || unitPrice.signum() < 0 || discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("quantity must be positive, price not negative, discount 0-100");
        }
        // Dividing by 100 only moves the decimal point, so nothing is lost before the single rounding.
        return quantity.multiply(unitPrice).multiply(HUNDRED.subtract(discount)).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal amount(List<OpportunityLine> lines) {
        return lines.stream().map(OpportunityLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Money as the API and events show it: exactly two decimals. Callers validated there are no more. */
    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
