package crm.analytics.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Association rules between SKUs and per-customer recommendations. */
public final class CrossSellFigures {

    private CrossSellFigures() {
    }

    /**
     * antecedent → consequent: {@code baskets} hold both; support = baskets / all baskets; confidence =
     * baskets / baskets with the antecedent; lift = confidence / share of baskets with the consequent.
     */
    public record Rule(String antecedent, String consequent, int baskets, BigDecimal support, BigDecimal confidence,
                       BigDecimal lift) {
    }

    public record Rules(int baskets, BigDecimal minSupport, BigDecimal minConfidence, List<Rule> items) {
    }

    /** A SKU the customer has not bought, from the best rule whose antecedent the customer bought. */
    public record Recommendation(String sku, String name, BigDecimal confidence, BigDecimal lift,
                                 List<String> becauseOf) {
    }

    public record Recommendations(UUID contactId, List<Recommendation> items) {
    }
}
