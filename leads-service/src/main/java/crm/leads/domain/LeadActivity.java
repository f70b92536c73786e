package crm.leads.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a lead's history: a rep's call, e-mail, meeting or note, or a step the service recorded. */
public record LeadActivity(UUID id, UUID leadId, ActivityKind kind, String outcome, String note,
                           OffsetDateTime occurredAt, String authorId, OffsetDateTime createdAt) {
}
