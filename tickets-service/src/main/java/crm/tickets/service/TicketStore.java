package crm.tickets.service;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.time.BusinessCalendar;
import crm.platform.timers.Timers;
import crm.tickets.domain.SlaTimer;
import crm.tickets.domain.Ticket;
import crm.tickets.repository.QueueRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes tickets together with what follows from them in the same transaction: the due times derived from
 * the SLA clock, the platform timers that fire the warnings and breaches (scheduled, moved or cancelled to
 * match), and the open-ticket load of the agents involved. Every ticket change goes through here, so none
 * can forget a timer or a load.
 */
@ApplicationScoped
public class TicketStore {

    private final TicketRepository tickets;
    private final QueueRepository queues;
    private final TicketCalendars calendars;
    private final Timers timers;

    public TicketStore(TicketRepository tickets, QueueRepository queues, TicketCalendars calendars, Timers timers) {
        this.tickets = tickets;
        this.queues = queues;
        this.calendars = calendars;
        this.timers = timers;
    }

    public Uni<Ticket> insert(SqlConnection tx, Ticket ticket) {
        return calendars.forUnit(tx, ticket.unitId()).flatMap(calendar ->
                tickets.insert(tx, ticket.withSla(ticket.sla().withDueTimes(calendar)))
                        .call(saved -> shiftLoad(tx, null, saved.loadBearer()))
                        .call(saved -> reschedule(tx, saved, calendar)));
    }

    /** Stores {@code next} over {@code current}; 412 if someone changed the ticket since it was read. */
    public Uni<Ticket> save(SqlConnection tx, Ticket current, Ticket next) {
        return calendars.forUnit(tx, next.unitId()).flatMap(calendar ->
                tickets.update(tx, next.withSla(next.sla().withDueTimes(calendar)), current.version())
                        .map(saved -> saved.orElseThrow(() -> ExpectedVersion.stale("Ticket " + current.id())))
                        .call(saved -> shiftLoad(tx, current.loadBearer(), saved.loadBearer()))
                        .call(saved -> reschedule(tx, saved, calendar)));
    }

    /**
     * Stores an SLA escalation. Its timers are left alone: escalating changes no due time (the terms stay,
     * the clock runs on), the firing timer is removed by the platform, and touching the ticket's other timer
     * rows from inside a timer transaction could deadlock with a handler that holds one of them.
     */
    public Uni<Ticket> saveEscalation(SqlConnection tx, Ticket current, Ticket next) {
        return tickets.update(tx, next, current.version())
                .map(saved -> saved.orElseThrow(() -> ExpectedVersion.stale("Ticket " + current.id())))
                .call(saved -> shiftLoad(tx, current.loadBearer(), saved.loadBearer()));
    }

    /**
     * Moves one open ticket of load from one agent to another. The two counter rows are updated in the order
     * of their agent ids, so that two reassignments in opposite directions cannot deadlock.
     */
    private Uni<Void> shiftLoad(SqlConnection tx, String from, String to) {
        if (Objects.equals(from, to)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> release = from == null ? Uni.createFrom().voidItem() : queues.addLoad(tx, from, -1);
        Uni<Void> take = to == null ? Uni.createFrom().voidItem() : queues.addLoad(tx, to, 1);
        boolean releaseFirst = from != null && (to == null || from.compareTo(to) < 0);
        return releaseFirst ? release.flatMap(ignored -> take) : take.flatMap(ignored -> release);
    }

    /** Makes the ticket's four SLA timers exactly what its state says: due where due, absent otherwise. */
    private Uni<Void> reschedule(SqlConnection tx, Ticket ticket, BusinessCalendar calendar) {
        List<Uni<Void>> steps = new ArrayList<>();
        String key = ticket.id().toString();
        for (Map.Entry<SlaTimer, Instant> timer : ticket.sla().timers(calendar).entrySet()) {
            String kind = timer.getKey().kind();
            steps.add(timer.getValue() == null ? timers.cancel(tx, kind, key)
                    : timers.schedule(tx, kind, key, timer.getValue().atOffset(ZoneOffset.UTC)));
        }
        // One statement at a time: a connection runs its statements in order anyway, and the chain keeps it explicit.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<Void> step : steps) {
            chain = chain.flatMap(ignored -> step);
        }
        return chain;
    }
}
