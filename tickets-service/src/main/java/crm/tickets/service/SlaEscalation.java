package crm.tickets.service;

import crm.platform.events.Outbox;
import crm.platform.tenancy.TenantContext;
import crm.platform.time.BusinessCalendar;
import crm.platform.timers.DueTimer;
import crm.platform.timers.Timers;
import crm.tickets.domain.EscalationAction;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueuePlacement;
import crm.tickets.domain.SlaStage;
import crm.tickets.domain.SlaTerms;
import crm.tickets.domain.SlaTimer;
import crm.tickets.domain.Ticket;
import crm.tickets.events.TicketEvents;
import crm.tickets.repository.QueueRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What happens when an SLA timer of a ticket falls due. It runs in the platform's timer transaction (the
 * timer's tenant, brand-wide), which deletes the timer on commit: the warning or breach is marked on the
 * ticket, its escalation actions are applied and its events appended, all in that one transaction. The
 * mark makes a repeat a no-op, and the timer claim keeps two replicas from firing it together. The handler
 * never waits for a ticket someone else is changing: it moves its own timer two seconds on instead, which
 * keeps timer transactions and requests (which lock ticket, then timers) from deadlocking each other.
 */
@ApplicationScoped
public class SlaEscalation {

    private static final Logger LOG = Logger.getLogger(SlaEscalation.class);
    static final String CONSUMER = "tickets-service.sla";
    /** A timer may fire a little early (clock skew between replicas and the database); never more than this. */
    private static final long EARLY_TOLERANCE_SECONDS = 5;
    /** How long a timer waits when its ticket is being changed by someone else (the change may even stop it). */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private final TicketRepository tickets;
    private final QueueRepository queues;
    private final TicketStore store;
    private final TicketRouter router;
    private final TicketCalendars calendars;
    private final Timers timers;
    private final Outbox outbox;

    public SlaEscalation(TicketRepository tickets, QueueRepository queues, TicketStore store, TicketRouter router,
                         TicketCalendars calendars, Timers timers, Outbox outbox) {
        this.tickets = tickets;
        this.queues = queues;
        this.store = store;
        this.router = router;
        this.calendars = calendars;
        this.timers = timers;
        this.outbox = outbox;
    }

    public Uni<Void> onDue(SqlConnection tx, DueTimer due, SlaTimer timer) {
        UUID ticketId;
        try {
            ticketId = UUID.fromString(due.key());
        } catch (IllegalArgumentException e) {
            LOG.warnf("Dropping SLA timer %s with a key that is no ticket id: %s", due.kind(), due.key());
            return Uni.createFrom().voidItem();
        }
        TenantContext context = TenantContext.ofSystem(due.tenantId(), CONSUMER);
        return tickets.lockIfFree(tx, ticketId).flatMap(found -> {
            if (found.isEmpty()) {
                return tickets.exists(tx, ticketId).flatMap(exists -> !exists ? Uni.createFrom().voidItem()
                        : timers.schedule(tx, timer.kind(), due.key(), TicketService.now().plus(BUSY_RETRY)));
            }
            if (found.get().sla().marked(timer) != null) {
                return Uni.createFrom().voidItem();
            }
            Ticket ticket = found.get();
            return calendars.forUnit(tx, ticket.unitId()).flatMap(calendar -> {
                Instant dueAt = ticket.sla().dueAt(timer, calendar);
                if (dueAt == null) {
                    // The target was met or the clock stopped after the timer was claimed: nothing to escalate.
                    return Uni.createFrom().voidItem();
                }
                Instant now = Instant.now();
                if (dueAt.isAfter(now.plusSeconds(EARLY_TOLERANCE_SECONDS))) {
                    return timers.schedule(tx, timer.kind(), due.key(), dueAt.atOffset(ZoneOffset.UTC));
                }
                return escalate(tx, context, ticket, timer, calendar);
            });
        });
    }

    private Uni<Void> escalate(SqlConnection tx, TenantContext context, Ticket ticket, SlaTimer timer,
                               BusinessCalendar calendar) {
        OffsetDateTime at = TicketService.now();
        SlaTerms terms = ticket.sla().terms();
        List<EscalationAction> actions = terms.actions(timer.stage());
        Instant breachAt = ticket.sla().clock().reaches(terms.minutes(timer.target()), calendar);
        OffsetDateTime targetDue = breachAt == null ? null : breachAt.atOffset(ZoneOffset.UTC);
        Ticket next = ticket.withSla(ticket.sla().mark(timer, at));
        if (actions.contains(EscalationAction.RAISE_PRIORITY)) {
            next = next.withContent(next.content().withPriority(next.content().priority().raised()));
        }
        Ticket marked = next;
        return escalationQueue(tx, terms, actions).flatMap(queue -> {
            Uni<Ticket> placed = queue.isEmpty() || queue.get().id().equals(ticket.placement().queueId())
                    ? Uni.createFrom().item(marked)
                    : router.pickAgent(tx, queue.get(), marked.content().category()).map(agent -> marked.withPlacement(
                            new QueuePlacement(queue.get().id(), agent, marked.placement().rule())));
            return placed.flatMap(escalated -> store.saveEscalation(tx, ticket, escalated))
                    .call(saved -> !saved.placement().queueId().equals(ticket.placement().queueId())
                            ? outbox.append(tx, TicketEvents.assigned(context, saved, queue.get(), "sla_escalation", at))
                            : Uni.createFrom().voidItem())
                    .call(saved -> outbox.append(tx, timer.stage() == SlaStage.WARNING
                            ? TicketEvents.slaWarning(context, saved, timer.target(), targetDue, at)
                            : TicketEvents.slaBreached(context, saved, timer, targetDue, at,
                                    queue.map(Queue::id).orElse(null),
                                    actions.contains(EscalationAction.NOTIFY_MANAGER))))
                    .invoke(saved -> LOG.infof("SLA %s %s of ticket %s (tenant %s)", timer.target().value(),
                            timer.stage().value(), saved.id(), context.tenantId()))
                    .replaceWithVoid();
        });
    }

    /** The policy's escalation queue when the stage's actions move tickets there and it still exists. */
    private Uni<Optional<Queue>> escalationQueue(SqlConnection tx, SlaTerms terms, List<EscalationAction> actions) {
        if (!actions.contains(EscalationAction.MOVE_TO_ESCALATION_QUEUE) || terms.escalationQueueId() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return queues.findById(tx, terms.escalationQueueId());
    }
}
