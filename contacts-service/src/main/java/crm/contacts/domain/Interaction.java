package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call, e-mail, meeting, letter, chat, note or web-form entry someone logged; immutable once logged. */
public record Interaction(UUID id, String unitId, UUID contactId, UUID companyId, InteractionKind kind,
                          Direction direction, OffsetDateTime occurredAt, String authorId, String summary,
                          String outcome, OffsetDateTime createdAt) {
}
