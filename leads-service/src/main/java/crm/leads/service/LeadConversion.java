package crm.leads.service;

import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Conversion of a qualified lead. contacts-service creates or links the contact when it reads
 * {@code crm.lead.converted.v1} and answers with {@code crm.contact.lead-linked.v1}; if asked, an
 * opportunity is opened here in the same transaction and named in the event.
 */
@ApplicationScoped
public class LeadConversion {

    private final OpportunitiesOfLeads opportunities;

    public LeadConversion(OpportunitiesOfLeads opportunities) {
        this.opportunities = opportunities;
    }

    Uni<Lead> convert(SqlConnection tx, Lead lead, WorkflowRequests.Conversion request, OffsetDateTime now) {
        if (!request.openOpportunity()) {
            return Uni.createFrom().item(Leads.withConversion(lead, now, null));
        }
        WorkflowRequests.OpportunityDraft draft = request.opportunity() == null
                ? new WorkflowRequests.OpportunityDraft(null, null, null, null) : request.opportunity();
        LeadDetails d = lead.details();
        String name = draft.name() != null && !draft.name().isBlank() ? draft.name().strip() : defaultName(d);
        return opportunities.open(tx, new OpportunityFromLead(lead.id(), lead.contactId(), name, draft.amount(),
                        draft.currency() == null ? "EUR" : draft.currency(), draft.expectedCloseOn(), lead.ownerId(),
                        d.campaignId()))
                .map(opportunityId -> Leads.withConversion(lead, now, opportunityId));
    }

    private static String defaultName(LeadDetails d) {
        String who = d.companyName() != null ? d.companyName()
                : ((d.firstName() == null ? "" : d.firstName() + " ") + (d.lastName() == null ? "" : d.lastName())).strip();
        String what = d.productsOfInterest().isEmpty() ? "" : " - " + String.join(", ", d.productsOfInterest());
        String name = (who.isEmpty() ? "Lead" : who) + what;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The contact contacts-service created or linked for a converted lead; the lead's opportunities follow. */
    Uni<Void> linkOpportunities(SqlConnection tx, UUID leadId, UUID contactId) {
        return opportunities.linkContact(tx, leadId, contactId);
    }
}
