package crm.leads.service;

import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.Score;
import crm.leads.domain.SlaTrack;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Copies of a lead with one aspect changed. Leads are immutable values; the service derives the next state
 * and the repository writes it under the version it was read with.
 */
final class Leads {

    private Leads() {
    }

    /** Now, at the precision PostgreSQL stores, so values read back compare equal. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static Lead withDetails(Lead l, LeadDetails details) {
        return new Lead(l.id(), l.unitId(), details, l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), l.consent(), l.formFills(),
                l.lastEngagedAt(), l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withScore(Lead l, Score score) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), score, l.contactId(), l.upsell(), l.consent(), l.formFills(),
                l.lastEngagedAt(), l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withAssignment(Lead l, String unitId, String ownerId, LeadQueue queue, String reason,
                               String territoryId) {
        return new Lead(l.id(), unitId, l.details(), l.channel(), l.formKey(), l.status(), ownerId, queue, reason,
                territoryId, l.score(), l.contactId(), l.upsell(), l.consent(), l.formFills(), l.lastEngagedAt(),
                l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(), l.capturedAt(),
                l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withContact(Lead l, UUID contactId, boolean upsell) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), contactId, upsell, l.consent(), l.formFills(),
                l.lastEngagedAt(), l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withEngagement(Lead l, int formFills, OffsetDateTime lastEngagedAt) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), l.consent(), formFills,
                lastEngagedAt, l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withSla(Lead l, SlaTrack sla) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), l.consent(), l.formFills(),
                l.lastEngagedAt(), sla, l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withStatus(Lead l, LeadStatus status, String reason, LocalDate nurtureUntil) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), status, l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), l.consent(), l.formFills(),
                l.lastEngagedAt(), l.sla(), reason, nurtureUntil, l.convertedAt(), l.opportunityId(), l.capturedAt(),
                l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    static Lead withConversion(Lead l, OffsetDateTime convertedAt, UUID opportunityId) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), LeadStatus.CONVERTED, l.ownerId(),
                l.queue(), l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), l.consent(),
                l.formFills(), l.lastEngagedAt(), l.sla(), null, null, convertedAt, opportunityId, l.capturedAt(),
                l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    /**
     * Erasure: what identifies the person goes, free text included (a reason or message may name them);
     * channel, status, unit, score, company size and times stay for the statistics.
     */
    static Lead anonymised(Lead l, OffsetDateTime at) {
        LeadDetails d = l.details();
        LeadDetails kept = new LeadDetails(null, null, null, null, null, null, null, d.companySize(),
                null, null, d.countryCode(), d.productsOfInterest(), d.campaignId(), null, null);
        return new Lead(l.id(), l.unitId(), kept, l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), null, l.formFills(),
                l.lastEngagedAt(), l.sla(), null,
                l.nurtureUntil(), l.convertedAt(), l.opportunityId(), l.capturedAt(), at, l.version(), l.createdBy(),
                l.createdAt(), l.updatedAt());
    }
}
