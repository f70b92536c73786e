package crm.contacts.rest;

import crm.contacts.domain.Direction;
import crm.contacts.domain.Interaction;
import crm.contacts.domain.InteractionKind;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A logged interaction as the API shows it. */
public record InteractionView(UUID id, UUID contactId, UUID companyId, String unitId, InteractionKind kind,
                              Direction direction, OffsetDateTime occurredAt, String authorId, String summary,
                              String outcome, OffsetDateTime createdAt) {

    static InteractionView of(Interaction i) {
        return new InteractionView(i.id(), i.contactId(), i.companyId(), i.unitId(), i.kind(), i.direction(),
                i.occurredAt(), i.authorId(), i.summary(), i.outcome(), i.createdAt());
    }
}
