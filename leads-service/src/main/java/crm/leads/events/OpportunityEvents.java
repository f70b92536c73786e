package crm.leads.events;

import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityPricing;
import crm.platform.events.OutgoingEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The opportunity events leads-service publishes to {@value #TOPIC}, keyed by opportunity id, with the
 * payloads of the event catalogue (docs/events/README.md). Fields beyond the catalogue are additions.
 */
public final class OpportunityEvents {

    public static final String TOPIC = LeadEvents.TOPIC;
    public static final String OPPORTUNITY_OPENED = "crm.opportunity.opened.v1";
    public static final String OPPORTUNITY_STAGE_CHANGED = "crm.opportunity.stage-changed.v1";
    public static final String OPPORTUNITY_WON = "crm.opportunity.won.v1";
    public static final String OPPORTUNITY_LOST = "crm.opportunity.lost.v1";

    private OpportunityEvents() {
    }

    /** Adds {@code unitId} and {@code campaignId} to the catalogue's payload. */
    public record OpportunityOpened(UUID opportunityId, UUID leadId, UUID contactId, UUID companyId, String name,
                                    String stage, int probability, BigDecimal amount, String currency,
                                    LocalDate expectedCloseOn, String ownerId, OffsetDateTime openedAt,
                                    String unitId, UUID campaignId) {
    }

    /** Adds {@code ownerId}, {@code unitId} and {@code changedBy}. */
    public record OpportunityStageChanged(UUID opportunityId, UUID contactId, String from, String to, int probability,
                                          BigDecimal amount, String currency, OffsetDateTime changedAt,
                                          String ownerId, String unitId, String changedBy) {
    }

    /** A line as analytics needs it to see what sells: adds {@code productId}, {@code kind} and {@code name}. */
    public record WonLine(String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
                          BigDecimal lineTotal, UUID productId, String kind, String name) {
    }

    /** Adds {@code unitId} and {@code name}. */
    public record OpportunityWon(UUID opportunityId, UUID leadId, UUID contactId, UUID companyId, UUID campaignId,
                                 String ownerId, BigDecimal amount, String currency, OffsetDateTime wonAt,
                                 List<WonLine> lines, String unitId, String name) {
    }

    /** Adds {@code ownerId}, {@code unitId}, {@code campaignId} and {@code stage} (the stage it was lost from). */
    public record OpportunityLost(UUID opportunityId, UUID leadId, UUID contactId, BigDecimal amount, String currency,
                                  String reason, OffsetDateTime lostAt, String ownerId, String unitId, UUID campaignId,
                                  String stage) {
    }

    public static OutgoingEvent opened(String tenantId, Opportunity o) {
        var d = o.details();
        return event(tenantId, o, OPPORTUNITY_OPENED, new OpportunityOpened(o.id(), o.leadId(), d.contactId(),
                d.companyId(), d.name(), o.stage(), o.probability(), money(d.amount()), d.currency(),
                d.expectedCloseOn(), d.ownerId(), o.createdAt(), o.unitId(), d.campaignId()));
    }

    public static OutgoingEvent stageChanged(String tenantId, Opportunity o, String from, String changedBy) {
        var d = o.details();
        return event(tenantId, o, OPPORTUNITY_STAGE_CHANGED, new OpportunityStageChanged(o.id(), d.contactId(), from,
                o.stage(), o.probability(), money(d.amount()), d.currency(), o.updatedAt(), d.ownerId(), o.unitId(),
                changedBy));
    }

    public static OutgoingEvent won(String tenantId, Opportunity o) {
        var d = o.details();
        List<WonLine> lines = d.lines().stream().map(OpportunityEvents::wonLine).toList();
        return event(tenantId, o, OPPORTUNITY_WON, new OpportunityWon(o.id(), o.leadId(), d.contactId(), d.companyId(),
                d.campaignId(), d.ownerId(), money(d.amount()), d.currency(), o.closedAt(), lines, o.unitId(),
                d.name()));
    }

    public static OutgoingEvent lost(String tenantId, Opportunity o, String lostFrom) {
        var d = o.details();
        return event(tenantId, o, OPPORTUNITY_LOST, new OpportunityLost(o.id(), o.leadId(), d.contactId(),
                money(d.amount()), d.currency(), o.lostReason(), o.closedAt(), d.ownerId(), o.unitId(), d.campaignId(),
                lostFrom));
    }

    private static WonLine wonLine(OpportunityLine l) {
        return new WonLine(l.sku(), l.quantity(), money(l.unitPrice()), l.discountPercent(), money(l.lineTotal()),
                l.productId(), l.kind() == null ? null : l.kind().value(), l.name());
    }

    private static BigDecimal money(BigDecimal value) {
        return OpportunityPricing.money(value);
    }

    private static OutgoingEvent event(String tenantId, Opportunity o, String type, Object data) {
        return new OutgoingEvent(TOPIC, type, o.id().toString(), tenantId, o.unitId(), data);
    }
}
