package crm.analytics.service;

import crm.analytics.domain.TicketState;
import crm.analytics.events.EventPayload;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.Statements;
import crm.analytics.repository.TicketRepository;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Folds ticket events into the ticket's state, the service figures and the backlog. */
@ApplicationScoped
public class TicketProjector {

    static final String OPENED = "crm.ticket.opened.v1";
    static final String ASSIGNED = "crm.ticket.assigned.v1";
    static final String STATUS_CHANGED = "crm.ticket.status-changed.v1";
    static final String RESOLVED = "crm.ticket.resolved.v1";
    static final String REOPENED = "crm.ticket.reopened.v1";
    static final String CLOSED = "crm.ticket.closed.v1";
    static final String RATED = "crm.ticket.rated.v1";

    private static final Set<String> CLOSED_STATUSES = Set.of("resolved", "closed");

    private final TicketRepository tickets;
    private final ContactRepository contacts;
    private final AggregateBatches aggregates;

    public TicketProjector(TicketRepository tickets, ContactRepository contacts, AggregateBatches aggregates) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.aggregates = aggregates;
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        if (!Set.of(OPENED, ASSIGNED, STATUS_CHANGED, RESOLVED, REOPENED, CLOSED, RATED).contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        EventPayload p = EventPayload.of(event);
        UUID ticketId = p.uuid("ticketId");
        switch (event.type()) {
            case OPENED:
                // Resolving the person locks nothing, so it goes out together with the ticket's lock.
                return Uni.combine().all().unis(withContact(tx, p.optionalUuid("contactId")),
                        tickets.lockTicket(tx, ticketId)).asTuple().flatMap(both -> applyChange(tx, both.getItem2(),
                        t -> t.opened(p.has("unitId") ? p.optionalText("unitId") : event.unitid(),
                                both.getItem1().orElse(null), queue(p), p.optionalText("queueName"),
                                p.optionalText("category"), p.optionalText("priority"),
                                p.instantOrEventTime("openedAt"))));
            case ASSIGNED:
                return update(tx, ticketId, t -> t.inQueue(queue(p), p.optionalText("queueName")));
            case STATUS_CHANGED:
                String to = p.text("to");
                return update(tx, ticketId, t -> t.withOpen(!CLOSED_STATUSES.contains(to)));
            case RESOLVED:
                return update(tx, ticketId, t -> t.resolved(p.optionalText("category"), p.optionalText("priority"),
                        queue(p), p.instantOrEventTime("resolvedAt"), minutes(p, "firstResponseBusinessMinutes"),
                        minutes(p, "resolutionBusinessMinutes"), p.optionalBoolean("firstResponseSlaMet"),
                        p.optionalBoolean("resolutionSlaMet")));
            case REOPENED:
                return update(tx, ticketId, t -> t.withOpen(true));
            case CLOSED:
                return update(tx, ticketId, t -> t.withOpen(false));
            default:
                Long rating = p.optionalLong("rating");
                if (rating == null || rating < 1 || rating > 5) {
                    throw new UnreadableEventException("unreadable event: " + event.type() + " " + event.id()
                            + ": data.rating must be 1 to 5");
                }
                return update(tx, ticketId, t -> t.rated(rating.intValue(), p.instantOrEventTime("ratedAt")));
        }
    }

    private static String queue(EventPayload p) {
        UUID queueId = p.optionalUuid("queueId");
        return queueId == null ? null : queueId.toString();
    }

    private static Integer minutes(EventPayload p, String field) {
        Long value = p.optionalLong(field);
        return value == null ? null : (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }

    /** The ticket keeps a reference to its person only while the person is not erased. */
    private Uni<Optional<UUID>> withContact(SqlConnection tx, UUID contactId) {
        if (contactId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return contacts.resolve(tx, contactId).map(c -> c.erased() ? Optional.empty() : Optional.of(c.id()));
    }

    private Uni<Void> update(SqlConnection tx, UUID ticketId, UnaryOperator<TicketState> change) {
        return tickets.lockTicket(tx, ticketId).flatMap(before -> applyChange(tx, before, change));
    }

    /** Saves the locked ticket's new state and books the difference it makes to the figures. */
    private Uni<Void> applyChange(SqlConnection tx, TicketState before, UnaryOperator<TicketState> change) {
        TicketState after = change.apply(before);
        if (after.equals(before)) {
            return Uni.createFrom().voidItem();
        }
        ServiceContribution service = ServiceContribution.between(before, after);
        List<Uni<?>> statements = new ArrayList<>();
        statements.add(tickets.save(tx, after));
        statements.add(aggregates.addService(tx, service));
        return Statements.together(statements);
    }
}
