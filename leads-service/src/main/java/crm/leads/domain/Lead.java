package crm.leads.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lead as stored: the details callers set, and what the service keeps about it: where it came from,
 * where it is in the workflow, who works it and why, its score, the contact it is linked to, and its
 * speed-to-lead clock. {@code upsell} marks a lead of a person who is already a contact.
 */
public record Lead(UUID id, String unitId, LeadDetails details, Channel channel, String formKey, LeadStatus status,
                   String ownerId, LeadQueue queue, String routingReason, String territoryId, Score score,
                   UUID contactId, boolean upsell, Consent consent, int formFills, OffsetDateTime lastEngagedAt,
                   SlaTrack sla, String statusReason, LocalDate nurtureUntil, OffsetDateTime convertedAt,
                   UUID opportunityId, OffsetDateTime capturedAt, OffsetDateTime anonymisedAt, int version,
                   String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
