package crm.leads.rest;

import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.OpportunityStageChange;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One step of an opportunity's stage history; {@code from} is null for its opening. */
public record OpportunityHistoryView(String from, String to, int probability, BigDecimal amount, String currency,
                                     String reason, String changedBy, OffsetDateTime changedAt) {

    static OpportunityHistoryView of(OpportunityStageChange c) {
        return new OpportunityHistoryView(c.from(), c.to(), c.probability(), OpportunityPricing.money(c.amount()),
                c.currency(), c.reason(), c.changedBy(), c.changedAt());
    }
}
