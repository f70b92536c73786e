package crm.leads.domain;

import crm.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A potential deal moving through the tenant's pipeline. While open it sits in a stage whose probability
 * it carries; winning or losing ends it for good ({@code stage} is then {@code won} or {@code lost}).
 */
public record Opportunity(UUID id, UUID leadId, OpportunityDetails details, String stage, int probability,
                          OpportunityStatus status, String lostReason, OffsetDateTime closedAt, int version,
                          String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public String unitId() {
        return details.unitId();
    }

    /** A won or lost deal is history: changing its stage, figures or outcome is a conflict (409). */
    public void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw ProblemException.conflict("Opportunity " + id + " is " + status.value() + "; only open"
                    + " opportunities can be " + action);
        }
    }
}
