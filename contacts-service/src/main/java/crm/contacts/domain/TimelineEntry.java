package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a contact's or company's history. {@code summary} is short text for people (never shipped
 * in events); the reference ids point at what the entry is about, in this or another service.
 */
public record TimelineEntry(UUID id, String unitId, UUID contactId, UUID companyId, TimelineKind kind,
                            OffsetDateTime occurredAt, String authorId, String summary, String outcome,
                            Direction direction, String sourceService, References references) {

    /** Ids of the records an entry is about; all optional. */
    public record References(UUID interactionId, UUID taskId, UUID purchaseId, UUID leadId, UUID opportunityId,
                             UUID ticketId) {

        public static final References NONE = new References(null, null, null, null, null, null);

        public static References interaction(UUID id) {
            return new References(id, null, null, null, null, null);
        }

        public static References purchase(UUID id) {
            return new References(null, null, id, null, null, null);
        }
    }
}
