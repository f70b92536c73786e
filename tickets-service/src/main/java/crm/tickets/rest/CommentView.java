package crm.tickets.rest;

import crm.tickets.domain.Comment;
import crm.tickets.domain.CommentVisibility;
import java.time.OffsetDateTime;
import java.util.UUID;

public record CommentView(UUID id, UUID ticketId, String authorId, CommentVisibility visibility, String body,
                          OffsetDateTime createdAt) {

    static CommentView of(Comment c) {
        return new CommentView(c.id(), c.ticketId(), c.authorId(), c.visibility(), c.body(), c.createdAt());
    }
}
