package crm.tickets.service;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.tickets.config.TicketsConfig;
import crm.tickets.domain.ApiValue;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueuePlacement;
import crm.tickets.domain.Rating;
import crm.tickets.domain.SlaState;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketStatus;
import crm.tickets.events.TicketEvents;
import crm.tickets.repository.QueueRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The ticket workflow: status changes (with the SLA clock pausing while the customer has to answer),
 * reopening within the configured window, manual assignment and the customer's rating. Each step locks the
 * ticket, checks If-Match, and stores the change with its events in one transaction; a step the workflow
 * does not allow answers 409.
 */
@ApplicationScoped
public class TicketWorkflow {

    private final TenantScope scope;
    private final TicketRepository tickets;
    private final QueueRepository queues;
    private final TicketStore store;
    private final TicketRouter router;
    private final TicketCalendars calendars;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final TicketsConfig config;

    public TicketWorkflow(TenantScope scope, TicketRepository tickets, QueueRepository queues, TicketStore store,
                          TicketRouter router, TicketCalendars calendars, Outbox outbox, CurrentTenant currentTenant,
                          TicketsConfig config) {
        this.scope = scope;
        this.tickets = tickets;
        this.queues = queues;
        this.store = store;
        this.router = router;
        this.calendars = calendars;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.config = config;
    }

    public Uni<Ticket> changeStatus(UUID id, ExpectedVersion expected, @Valid @NotNull StatusChange request) {
        TenantContext context = currentTenant.get();
        TicketStatus to = request.status();
        return change(context, id, expected, (tx, current) -> {
            TicketStatus from = current.status();
            if (!from.canChangeTo(to)) {
                throw ProblemException.conflict("A " + from.value() + " ticket cannot change to " + to.value()
                        + (from.isDone() ? "; reopen it instead" : "") + "; allowed: " + allowed(from));
            }
            return moveTo(tx, context, current, to);
        });
    }

    /** Applies a status change the workflow allows: clock, milestones and the events it entails. */
    Uni<Ticket> moveTo(SqlConnection tx, TenantContext context, Ticket current, TicketStatus to) {
        OffsetDateTime at = TicketService.now();
        Instant now = at.toInstant();
        TicketStatus from = current.status();
        return calendars.forUnit(tx, current.unitId()).flatMap(calendar -> {
            SlaState sla = current.sla();
            if (to.isDone()) {
                sla = sla.finishedAt(now, calendar);
            } else if (to.stopsSlaClock()) {
                sla = sla.pausedAt(now, calendar);
            } else {
                sla = sla.resumedAt(now);
            }
            var milestones = current.milestones();
            if (to == TicketStatus.RESOLVED) {
                milestones = milestones.withResolvedAt(at);
            } else if (to == TicketStatus.CLOSED) {
                milestones = milestones.withClosedAt(at);
            }
            Ticket next = current.withStatus(to).withSla(sla).withMilestones(milestones);
            return store.save(tx, current, next)
                    .call(saved -> outbox.append(tx, TicketEvents.statusChanged(context, saved, from, at)))
                    .call(saved -> to == TicketStatus.RESOLVED ? outbox.append(tx, TicketEvents.resolved(context, saved))
                            : to == TicketStatus.CLOSED ? outbox.append(tx, TicketEvents.closed(context, saved))
                            : Uni.createFrom().voidItem());
        });
    }

    /** A resolved or closed ticket becomes open again, if it was finished within the reopen window. */
    public Uni<Ticket> reopen(UUID id, ExpectedVersion expected) {
        TenantContext context = currentTenant.get();
        return change(context, id, expected, (tx, current) -> {
            if (!current.status().isDone()) {
                throw ProblemException.conflict("Only a resolved or closed ticket can be reopened; this one is "
                        + current.status().value());
            }
            OffsetDateTime at = TicketService.now();
            OffsetDateTime finished = current.milestones().finishedAt();
            if (finished != null && finished.plus(config.reopenWindow()).isBefore(at)) {
                throw ProblemException.conflict("The ticket was finished at " + finished + "; it can be reopened for "
                        + config.reopenWindow().toDays() + " days only, so open a new ticket instead");
            }
            Ticket next = current.withStatus(TicketStatus.OPEN).withSla(current.sla().reopenedAt(at.toInstant()))
                    .withMilestones(current.milestones().reopenedAt(at));
            return store.save(tx, current, next)
                    .call(saved -> outbox.append(tx, TicketEvents.statusChanged(context, saved, current.status(), at)))
                    .call(saved -> outbox.append(tx, TicketEvents.reopened(context, saved)));
        });
    }

    /** Manual assignment: another queue (its strategy picks the agent unless one is named) and/or an agent. */
    public Uni<Ticket> assign(UUID id, ExpectedVersion expected, @Valid @NotNull Assignment request) {
        TenantContext context = currentTenant.get();
        if (request.queueId() == null && request.assigneeId() == null) {
            throw ProblemException.badRequest("queueId", "name a queue, an assignee or both");
        }
        return change(context, id, expected, (tx, current) -> {
            if (current.status().isDone()) {
                throw ProblemException.conflict("A " + current.status().value() + " ticket cannot be assigned;"
                        + " reopen it first");
            }
            UUID queueId = request.queueId() != null ? request.queueId() : current.placement().queueId();
            return queueFor(tx, queueId, request.queueId() != null).flatMap(queue -> {
                Uni<String> agent = request.assigneeId() != null ? Uni.createFrom().item(request.assigneeId().strip())
                        : router.pickAgent(tx, queue, current.content().category());
                return agent.flatMap(assignee -> {
                    String reason = request.assigneeId() != null ? "manual" : queue.strategy().value();
                    Ticket next = current.withPlacement(new QueuePlacement(queue.id(), assignee,
                            current.placement().rule()));
                    if (next.equals(current)) {
                        return Uni.createFrom().item(current);
                    }
                    OffsetDateTime at = TicketService.now();
                    return store.save(tx, current, next)
                            .call(saved -> outbox.append(tx, TicketEvents.assigned(context, saved, queue, reason, at)));
                });
            });
        });
    }

    /** The customer's rating of a resolved or closed ticket; one per ticket. */
    public Uni<Ticket> rate(UUID id, @Valid @NotNull NewRating request) {
        TenantContext context = currentTenant.get();
        return change(context, id, ExpectedVersion.ANY, (tx, current) -> {
            if (!current.status().isDone()) {
                throw ProblemException.conflict("Only a resolved or closed ticket can be rated; this one is "
                        + current.status().value());
            }
            if (current.rating() != null) {
                throw ProblemException.conflict("The ticket was rated already at " + current.rating().ratedAt());
            }
            String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
            Ticket next = current.withRating(new Rating(request.rating(), comment, TicketService.now()));
            return store.save(tx, current, next).call(saved -> outbox.append(tx, TicketEvents.rated(context, saved)));
        });
    }

    private Uni<Queue> queueFor(SqlConnection tx, UUID queueId, boolean named) {
        Uni<Optional<Queue>> found = queueId == null ? Uni.createFrom().item(Optional.empty())
                : queues.findById(tx, queueId);
        return found.flatMap(queue -> {
            if (queue.isPresent()) {
                return Uni.createFrom().item(queue.get());
            }
            if (named) {
                throw ProblemException.badRequest("queueId", "no such queue");
            }
            return queues.defaultQueue(tx);
        });
    }

    private Uni<Ticket> change(TenantContext context, UUID id, ExpectedVersion expected,
                               BiFunction<SqlConnection, Ticket, Uni<Ticket>> step) {
        return scope.inTransaction(context, tx -> tickets.lock(tx, id).flatMap(found -> {
            Ticket current = found.orElseThrow(() -> TicketService.notFound(id));
            expected.check("Ticket " + id, current.version());
            return step.apply(tx, current);
        }));
    }

    private static String allowed(TicketStatus from) {
        String next = from.allowedNext().stream().map(ApiValue::value).collect(Collectors.joining(", "));
        return next.isEmpty() ? "none" : next;
    }
}
