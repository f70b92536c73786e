package crm.tickets.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What is known of a file attached to a ticket; the file itself lives in the document store of the channel. */
public record Attachment(UUID id, UUID ticketId, String name, String contentType, long sizeBytes, String uploadedBy,
                         OffsetDateTime createdAt) {
}
