package crm.contacts.service;

import crm.contacts.domain.Direction;
import crm.contacts.domain.InteractionKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a caller may say when logging an interaction. The author is the caller (token subject), the unit
 * that of the contact or company; neither can be set.
 */
public record NewInteraction(
        UUID contactId,
        UUID companyId,
        @NotNull InteractionKind kind,
        Direction direction,
        OffsetDateTime occurredAt,
        @Size(max = 4000) String summary,
        @Size(max = 500) String outcome) {
}
