package crm.tickets.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public reply to the customer or an internal note on a ticket. */
public record Comment(UUID id, UUID ticketId, String authorId, CommentVisibility visibility, String body,
                      OffsetDateTime createdAt) {
}
