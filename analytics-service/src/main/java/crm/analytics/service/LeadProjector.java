package crm.analytics.service;

import crm.analytics.domain.LeadState;
import crm.analytics.events.EventPayload;
import crm.analytics.repository.CampaignRepository;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.LeadRepository;
import crm.analytics.repository.Statements;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Folds lead events into the lead's state and the funnel. Events of one lead may arrive in any order
 * relative to its capture (and the contact link comes on another topic): the state is kept per lead, and
 * the funnel always holds the contribution of each lead's latest state.
 */
@ApplicationScoped
public class LeadProjector {

    static final String CAPTURED = "crm.lead.captured.v1";
    static final String ASSIGNED = "crm.lead.assigned.v1";
    static final String STATUS_CHANGED = "crm.lead.status-changed.v1";
    static final String SLA_BREACHED = "crm.lead.sla-breached.v1";
    static final String CONVERTED = "crm.lead.converted.v1";
    static final String CONTACT_LEAD_LINKED = "crm.contact.lead-linked.v1";

    private static final Set<String> STATUSES = Set.of("new", "contacted", "qualified", "converted", "disqualified",
            "nurture");

    private final LeadRepository leads;
    private final ContactRepository contacts;
    private final CampaignRepository campaigns;
    private final AggregateBatches aggregates;

    public LeadProjector(LeadRepository leads, ContactRepository contacts, CampaignRepository campaigns,
                         AggregateBatches aggregates) {
        this.leads = leads;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.aggregates = aggregates;
    }

    public boolean handles(String type) {
        return Set.of(CAPTURED, ASSIGNED, STATUS_CHANGED, SLA_BREACHED, CONVERTED, CONTACT_LEAD_LINKED).contains(type);
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        UUID leadId = p.uuid("leadId");
        switch (event.type()) {
            case CAPTURED:
                return update(tx, leadId, s -> s.withCapture(unit(p, event), p.instantOrEventTime("capturedAt"),
                        p.optionalText("channel"), p.optionalUuid("campaignId"), p.optionalText("formKey"),
                        p.optionalText("postalCode"), p.optionalText("countryCode"), p.optionalText("companyName"),
                        p.optionalText("companySize"), p.texts("productsOfInterest"), p.optionalUuid("contactId")));
            case ASSIGNED:
                return update(tx, leadId, s -> s.withUnit(p.optionalText("unitId")));
            case STATUS_CHANGED:
                String to = p.text("to");
                if (!STATUSES.contains(to)) {
                    throw new UnreadableEventException("unreadable event: " + event.type() + " " + event.id()
                            + ": data.to is not a lead status");
                }
                return update(tx, leadId, s -> s.withStatus(to, p.optionalInstant("firstContactAt"),
                        p.instantOrEventTime("changedAt"), p.optionalUuid("contactId")));
            case SLA_BREACHED:
                return update(tx, leadId, LeadState::withSlaBreach);
            case CONVERTED:
                return update(tx, leadId, s -> s.withConversion(p.has("unitId") ? p.optionalText("unitId") : event.unitid(),
                        p.instantOrEventTime("convertedAt"), p.optionalUuid("contactId"), p.optionalUuid("campaignId"),
                        p.optionalText("channel")));
            case CONTACT_LEAD_LINKED:
                return update(tx, leadId, s -> s.withConvertedContact(p.uuid("contactId")));
            default:
                return Uni.createFrom().voidItem();
        }
    }

    private static String unit(EventPayload p, CloudEvent event) {
        return p.has("unitId") ? p.optionalText("unitId") : event.unitid();
    }

    private Uni<Void> update(SqlConnection tx, UUID leadId, UnaryOperator<LeadState> change) {
        return leads.lockLead(tx, leadId).flatMap(before -> {
            LeadState after = change.apply(before);
            if (after.equals(before)) {
                return Uni.createFrom().voidItem();
            }
            FunnelContribution funnel = FunnelContribution.between(before, after);
            List<Uni<?>> statements = new ArrayList<>();
            statements.add(leads.save(tx, after));
            statements.add(aggregates.addFunnel(tx, funnel));
            if (!becomesLinkable(before, after)) {
                statements.add(aggregates.requestScoring(tx));
                return Statements.together(statements);
            }
            // The contact is locked before the scoring request, the order in which orders take both.
            return Statements.together(statements)
                    .flatMap(ignored -> linkCampaign(tx, after))
                    .call(() -> aggregates.requestScoring(tx));
        });
    }

    private static boolean becomesLinkable(LeadState before, LeadState after) {
        boolean linkable = after.customerId() != null && after.campaignId() != null && after.convertedAt() != null;
        boolean wasLinkable = before.customerId() != null && before.campaignId() != null && before.convertedAt() != null;
        return linkable && !wasLinkable;
    }

    /**
     * Once a converted lead's contact and campaign are both known (they come on different topics, in any
     * order), the contact is linked to the campaign and its purchases count as the campaign's return.
     */
    private Uni<Void> linkCampaign(SqlConnection tx, LeadState after) {
        return contacts.resolveAndLock(tx, after.customerId()).flatMap(contact -> contact.erased()
                ? Uni.createFrom().voidItem()
                : campaigns.linkContact(tx, contact.id(), after.campaignId(), after.leadId(), after.convertedAt()));
    }
}
