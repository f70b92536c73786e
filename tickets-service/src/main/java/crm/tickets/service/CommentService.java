package crm.tickets.service;

import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.tickets.config.TicketsConfig;
import crm.tickets.domain.Attachment;
import crm.tickets.domain.Comment;
import crm.tickets.domain.CommentVisibility;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketStatus;
import crm.tickets.events.TicketEvents;
import crm.tickets.repository.CommentRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Comments and attachment metadata. The first public reply is the ticket's first response: it stops the
 * first-response target (its timers are cancelled with the save) and moves a new ticket to open.
 */
@ApplicationScoped
public class CommentService {

    static final String COMMENT_OPERATION = "POST /api/v1/tickets/{id}/comments";
    static final String ATTACHMENT_OPERATION = "POST /api/v1/tickets/{id}/attachments";

    private final TenantScope scope;
    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final TicketStore store;
    private final TicketWorkflow workflow;
    private final TicketCalendars calendars;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final TicketsConfig config;

    public CommentService(TenantScope scope, TicketRepository tickets, CommentRepository comments, TicketStore store,
                          TicketWorkflow workflow, TicketCalendars calendars, Outbox outbox,
                          CurrentTenant currentTenant, IdempotentRequests idempotency, TicketsConfig config) {
        this.scope = scope;
        this.tickets = tickets;
        this.comments = comments;
        this.store = store;
        this.workflow = workflow;
        this.calendars = calendars;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.config = config;
    }

    public Uni<StoredResponse> addComment(UUID ticketId, @Valid @NotNull NewComment request, IdempotencyKey key,
                                          Function<Comment, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        CommentVisibility visibility = request.visibility() == null ? CommentVisibility.PUBLIC : request.visibility();
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key,
                COMMENT_OPERATION.replace("{id}", ticketId.toString()), request,
                () -> tickets.lock(tx, ticketId).flatMap(found -> {
                    Ticket ticket = found.orElseThrow(() -> TicketService.notFound(ticketId));
                    return comments.insertComment(tx, UUID.randomUUID(), ticketId, ticket.unitId(), context.subject(),
                                    visibility, request.body())
                            .call(comment -> visibility == CommentVisibility.PUBLIC
                                    ? publicReply(tx, context, ticket, comment) : Uni.createFrom().voidItem());
                }).map(respond)));
    }

    private Uni<Void> publicReply(SqlConnection tx, TenantContext context, Ticket ticket, Comment comment) {
        boolean first = ticket.milestones().firstResponseAt() == null;
        OffsetDateTime at = comment.createdAt();
        Uni<Ticket> answered = !first ? Uni.createFrom().item(ticket)
                : calendars.forUnit(tx, ticket.unitId()).flatMap(calendar -> store.save(tx, ticket,
                        ticket.withMilestones(ticket.milestones().withFirstResponseAt(at))
                                .withSla(ticket.sla().firstRespondedAt(at.toInstant(), calendar))));
        return answered
                .call(saved -> outbox.append(tx, TicketEvents.commented(context, saved, comment.id(), first, at)))
                .flatMap(saved -> saved.status() == TicketStatus.NEW
                        ? workflow.moveTo(tx, context, saved, TicketStatus.OPEN) : Uni.createFrom().item(saved))
                .replaceWithVoid();
    }

    public Uni<Page<Comment>> listComments(UUID ticketId, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> requireTicket(tx, ticketId)
                        .flatMap(ignored -> comments.comments(tx, ticketId, page)))
                .map(rows -> Page.of(rows, page, c -> new Cursor(c.createdAt().toString(), c.id().toString())));
    }

    public Uni<StoredResponse> addAttachment(UUID ticketId, @Valid @NotNull NewAttachment request, IdempotencyKey key,
                                             Function<Attachment, StoredResponse> respond) {
        if (request.sizeBytes() > config.attachmentMaxBytes()) {
            throw ProblemException.badRequest("sizeBytes", "must be at most " + config.attachmentMaxBytes() + " bytes");
        }
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key,
                ATTACHMENT_OPERATION.replace("{id}", ticketId.toString()), request,
                () -> requireTicket(tx, ticketId).flatMap(ticket -> comments.insertAttachment(tx, UUID.randomUUID(),
                        ticketId, ticket.unitId(), request.name().strip(), request.contentType(), request.sizeBytes(),
                        context.subject())).map(respond)));
    }

    public Uni<List<Attachment>> listAttachments(UUID ticketId) {
        return scope.inTransaction(currentTenant.get(), tx -> requireTicket(tx, ticketId)
                .flatMap(ignored -> comments.attachments(tx, ticketId)));
    }

    private Uni<Ticket> requireTicket(SqlConnection tx, UUID ticketId) {
        return tickets.findById(tx, ticketId).map(found -> found.orElseThrow(() -> TicketService.notFound(ticketId)));
    }
}
