package crm.contacts.rest;

import crm.contacts.domain.Direction;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A timeline entry as the API shows it; {@code source} names the service the fact comes from. */
public record TimelineEntryView(UUID id, TimelineKind kind, OffsetDateTime occurredAt, UUID contactId, UUID companyId,
                                String unitId, String authorId, String summary, String outcome, Direction direction,
                                String source, UUID interactionId, UUID taskId, UUID purchaseId, UUID leadId,
                                UUID opportunityId, UUID ticketId) {

    static TimelineEntryView of(TimelineEntry e) {
        var r = e.references();
        return new TimelineEntryView(e.id(), e.kind(), e.occurredAt(), e.contactId(), e.companyId(), e.unitId(),
                e.authorId(), e.summary(), e.outcome(), e.direction(), e.sourceService(), r.interactionId(), r.taskId(),
                r.purchaseId(), r.leadId(), r.opportunityId(), r.ticketId());
    }
}
