package crm.tickets.service;

import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import crm.tickets.domain.Attachment;
import crm.tickets.domain.Comment;
import crm.tickets.domain.Ticket;
import crm.tickets.repository.CommentRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** This service's part of a person's data export (GDPR Art. 15/20): their tickets with comments and attachments. */
@ApplicationScoped
public class PrivacyService {

    /** One ticket of the person with everything hanging off it. */
    public record ExportedTicket(Ticket ticket, List<Comment> comments, List<Attachment> attachments) {
    }

    private final TenantScope scope;
    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final CurrentTenant currentTenant;

    public PrivacyService(TenantScope scope, TicketRepository tickets, CommentRepository comments,
                          CurrentTenant currentTenant) {
        this.scope = scope;
        this.tickets = tickets;
        this.comments = comments;
        this.currentTenant = currentTenant;
    }

    public Uni<List<ExportedTicket>> export(UUID contactId) {
        return scope.inTransaction(currentTenant.get(), tx -> tickets.findByContact(tx, contactId).flatMap(found -> {
            Uni<List<ExportedTicket>> all = Uni.createFrom().item(new ArrayList<>());
            for (Ticket ticket : found) {
                all = all.flatMap(list -> comments.allComments(tx, ticket.id())
                        .flatMap(c -> comments.attachments(tx, ticket.id()).map(a -> {
                            list.add(new ExportedTicket(ticket, c, a));
                            return list;
                        })));
            }
            return all;
        }));
    }
}
