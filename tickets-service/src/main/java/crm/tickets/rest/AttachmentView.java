package crm.tickets.rest;

import crm.tickets.domain.Attachment;
import java.time.OffsetDateTime;
import java.util.UUID;

public record AttachmentView(UUID id, UUID ticketId, String name, String contentType, long sizeBytes,
                             String uploadedBy, OffsetDateTime createdAt) {

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id(), a.ticketId(), a.name(), a.contentType(), a.sizeBytes(), a.uploadedBy(),
                a.createdAt());
    }
}
