package crm.leads.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step in an opportunity's history: from which stage to which (won and lost included), and its figures then. */
public record OpportunityStageChange(long id, UUID opportunityId, String from, String to, int probability,
                                     BigDecimal amount, String currency, String reason, String changedBy,
                                     OffsetDateTime changedAt) {
}
