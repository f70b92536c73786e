package crm.leads.events;

import crm.leads.domain.Channel;
import crm.leads.domain.CompanySize;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.Salutation;
import crm.leads.domain.Score;
import crm.platform.events.OutgoingEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The lead events leads-service publishes to {@value #TOPIC}, keyed by lead id; each type is documented
 * in docs/events/leads-service.asyncapi.yaml. Personal data appears only in {@code converted}, which
 * contacts-service needs to create the contact.
 */
public final class LeadEvents {

    public static final String TOPIC = "crm.leads";
    public static final String LEAD_CAPTURED = "crm.lead.captured.v1";
    public static final String LEAD_CAPTURE_ATTACHED = "crm.lead.capture-attached.v1";
    public static final String LEAD_SCORED = "crm.lead.scored.v1";
    public static final String LEAD_ASSIGNED = "crm.lead.assigned.v1";
    public static final String LEAD_STATUS_CHANGED = "crm.lead.status-changed.v1";
    public static final String LEAD_SLA_BREACHED = "crm.lead.sla-breached.v1";
    public static final String LEAD_CONVERTED = "crm.lead.converted.v1";
    public static final String ERASURE_APPLIED = "crm.privacy.erasure-applied.v1";
    public static final String SERVICE = "leads-service";

    private LeadEvents() {
    }

    public record LeadCaptured(UUID leadId, String unitId, Channel channel, UUID campaignId, String formKey,
                               String postalCode, String countryCode, String companyName, CompanySize companySize,
                               List<String> productsOfInterest, UUID contactId, boolean upsell, int score,
                               OffsetDateTime capturedAt) {
    }

    public record CaptureAttached(UUID leadId, Channel channel, UUID campaignId, String formKey,
                                  OffsetDateTime capturedAt) {
    }

    public record LeadScored(UUID leadId, int score, Integer previousScore, List<Score.Line> explanation) {
    }

    public record LeadAssigned(UUID leadId, String unitId, String ownerId, LeadQueue queue, String reason,
                               String territoryId, String previousOwnerId, String previousUnitId,
                               OffsetDateTime assignedAt) {
    }

    public record StatusChanged(UUID leadId, UUID contactId, LeadStatus from, LeadStatus to, String reason,
                                LocalDate nurtureUntil, OffsetDateTime firstContactAt, OffsetDateTime changedAt,
                                String changedBy) {
    }

    public record SlaBreached(UUID leadId, String ownerId, String unitId, Channel channel, OffsetDateTime dueAt,
                              OffsetDateTime breachedAt, String escalatedTo) {
    }

    public record Person(Salutation salutation, String firstName, String lastName, String email, String phone) {
    }

    public record Company(String name, String domain, CompanySize size) {
    }

    public record LeadConverted(UUID leadId, UUID contactId, Person person, Company company, String postalCode,
                                String city, String countryCode, Channel channel, UUID campaignId, String ownerId,
                                UUID opportunityId, String unitId, OffsetDateTime convertedAt) {
    }

    public record ErasureApplied(UUID subjectId, UUID erasureRequestId, String service, OffsetDateTime appliedAt) {
    }

    public static OutgoingEvent captured(String tenantId, Lead l) {
        LeadDetails d = l.details();
        return event(tenantId, l, LEAD_CAPTURED, new LeadCaptured(l.id(), l.unitId(), l.channel(), d.campaignId(),
                l.formKey(), d.postalCode(), d.countryCode(), d.companyName(), d.companySize(), d.productsOfInterest(),
                l.contactId(), l.upsell(), l.score().points(), l.capturedAt()));
    }

    public static OutgoingEvent captureAttached(String tenantId, Lead l, Channel channel, UUID campaignId,
                                                String formKey, OffsetDateTime capturedAt) {
        return event(tenantId, l, LEAD_CAPTURE_ATTACHED,
                new CaptureAttached(l.id(), channel, campaignId, formKey, capturedAt));
    }

    public static OutgoingEvent scored(String tenantId, Lead l, Integer previousScore) {
        return event(tenantId, l, LEAD_SCORED,
                new LeadScored(l.id(), l.score().points(), previousScore, l.score().explanation()));
    }

    public static OutgoingEvent assigned(String tenantId, Lead l, String previousOwnerId, String previousUnitId,
                                         OffsetDateTime at) {
        return event(tenantId, l, LEAD_ASSIGNED, new LeadAssigned(l.id(), l.unitId(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), previousOwnerId, previousUnitId, at));
    }

    public static OutgoingEvent statusChanged(String tenantId, Lead l, LeadStatus from, String changedBy,
                                              OffsetDateTime at) {
        return event(tenantId, l, LEAD_STATUS_CHANGED, new StatusChanged(l.id(), l.contactId(), from, l.status(),
                l.statusReason(), l.nurtureUntil(), l.sla().firstContactAt(), at, changedBy));
    }

    public static OutgoingEvent slaBreached(String tenantId, Lead before, Lead after, String escalatedTo) {
        return event(tenantId, after, LEAD_SLA_BREACHED, new SlaBreached(after.id(), before.ownerId(),
                before.unitId(), after.channel(), after.sla().dueAt(), after.sla().breachedAt(), escalatedTo));
    }

    public static OutgoingEvent converted(String tenantId, Lead l) {
        LeadDetails d = l.details();
        return event(tenantId, l, LEAD_CONVERTED, new LeadConverted(l.id(), l.contactId(),
                new Person(d.salutation(), d.firstName(), d.lastName(), d.email(), d.phone()),
                d.companyName() == null ? null : new Company(d.companyName(), d.companyDomain(), d.companySize()),
                d.postalCode(), d.city(), d.countryCode(), l.channel(), d.campaignId(), l.ownerId(), l.opportunityId(),
                l.unitId(), l.convertedAt()));
    }

    /** Keyed by the person (contact id), as contacts-service tracks the erasure request by it. */
    public static OutgoingEvent erasureApplied(String tenantId, UUID contactId, UUID erasureRequestId,
                                               OffsetDateTime at) {
        return new OutgoingEvent(TOPIC, ERASURE_APPLIED, contactId.toString(), tenantId, null,
                new ErasureApplied(contactId, erasureRequestId, SERVICE, at));
    }

    private static OutgoingEvent event(String tenantId, Lead l, String type, Object data) {
        return new OutgoingEvent(TOPIC, type, l.id().toString(), tenantId, l.unitId(), data);
    }
}
