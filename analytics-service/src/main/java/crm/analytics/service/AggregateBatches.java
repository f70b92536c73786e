package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.domain.Order;
import crm.analytics.domain.SalesDeltas;
import crm.analytics.repository.BasketRepository;
import crm.analytics.repository.IngestionRepository;
import crm.analytics.repository.LeadRepository;
import crm.analytics.repository.SalesRepository;
import crm.analytics.repository.Statements;
import crm.analytics.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Aggregate writes that a batch of events makes together instead of event by event: the sales and basket
 * figures of booked orders, the funnel figures of lead changes, the service figures of ticket changes, and
 * the tenant's request to be scored again. A poll touches the same product, month, basket and funnel rows
 * over and over; summed first, each row is written once per batch.
 * <p>
 * Event ingestion begins a batch on a transaction ({@link #begin}) and writes it ({@link #flush}) before an
 * event applied alone (a merge or an erasure, which must see every order before it) and at the end. Only
 * those events change these rows otherwise, and the figures are sums, least and greatest (a record's
 * change to a count is its new contribution less its old one), so deferring them changes no result.
 * Without an open batch (an event applied alone, with retries), each write is made at once.
 */
@ApplicationScoped
public class AggregateBatches {

    /** What a transaction's events have added and not yet written. */
    private static final class Batch {
        private SalesDeltas sales = new SalesDeltas();
        private FunnelContribution funnel = new FunnelContribution();
        private ServiceContribution service = new ServiceContribution();
        private boolean scoringRequested;

        /** What the batch holds, as a batch of its own; this one is empty afterwards. */
        private Batch drain() {
            Batch full = new Batch();
            full.sales = sales;
            full.funnel = funnel;
            full.service = service;
            full.scoringRequested = scoringRequested;
            sales = new SalesDeltas();
            funnel = new FunnelContribution();
            service = new ServiceContribution();
            scoringRequested = false;
            return full;
        }
    }

    private final SalesRepository sales;
    private final BasketRepository baskets;
    private final LeadRepository leads;
    private final TicketRepository tickets;
    private final IngestionRepository ingestion;
    private final AnalyticsConfig config;
    /** By connection identity: a transaction is one connection, and handlers of one batch share it. */
    private final Map<SqlConnection, Batch> open = Collections.synchronizedMap(new IdentityHashMap<>());

    public AggregateBatches(SalesRepository sales, BasketRepository baskets, LeadRepository leads,
                            TicketRepository tickets, IngestionRepository ingestion, AnalyticsConfig config) {
        this.sales = sales;
        this.baskets = baskets;
        this.leads = leads;
        this.tickets = tickets;
        this.ingestion = ingestion;
        this.config = config;
    }

    /**
     * From now on, what events add on {@code tx} waits for {@link #flush}. The answer ends this batch (its
     * transaction is over, committed or not) and no other, even if the connection has moved on.
     */
    public Runnable begin(SqlConnection tx) {
        Batch batch = new Batch();
        open.put(tx, batch);
        return () -> open.remove(tx, batch);
    }

    /** Adds a booked order to the sales aggregates. */
    public Uni<Void> addOrder(SqlConnection tx, Order order) {
        int maxPairedItems = config.baskets().maxPairedItems();
        return add(tx, batch -> batch.sales.add(order, maxPairedItems));
    }

    /** Adds a lead's change to the funnel. */
    Uni<Void> addFunnel(SqlConnection tx, FunnelContribution change) {
        return add(tx, batch -> batch.funnel.addAll(change));
    }

    /** Adds a ticket's change to the service figures. */
    Uni<Void> addService(SqlConnection tx, ServiceContribution change) {
        return add(tx, batch -> batch.service.addAll(change));
    }

    /** Marks the tenant for the scorer (see {@link CustomerScorer}). */
    public Uni<Void> requestScoring(SqlConnection tx) {
        return add(tx, batch -> batch.scoringRequested = true);
    }

    /** Writes what the batch of {@code tx} holds and empties it; nothing when no batch is open. */
    public Uni<Void> flush(SqlConnection tx) {
        Batch batch = open.get(tx);
        if (batch == null) {
            return Uni.createFrom().voidItem();
        }
        Batch full;
        synchronized (batch) {
            full = batch.drain();
        }
        return write(tx, full);
    }

    /** Adds to the open batch of {@code tx}, or writes at once when there is none. */
    private Uni<Void> add(SqlConnection tx, Consumer<Batch> addition) {
        Batch batch = open.get(tx);
        if (batch == null) {
            Batch alone = new Batch();
            addition.accept(alone);
            return write(tx, alone);
        }
        synchronized (batch) {
            addition.accept(batch);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> write(SqlConnection tx, Batch batch) {
        List<Uni<?>> statements;
        synchronized (batch) {
            statements = new ArrayList<>(sales.addAll(tx, batch.sales));
            statements.addAll(baskets.addAll(tx, batch.sales));
            if (!batch.funnel.counts.isEmpty()) {
                statements.add(leads.addToFunnel(tx, batch.funnel.counts.nonZero()));
            }
            if (!batch.funnel.speed.isEmpty()) {
                statements.add(leads.addToSpeed(tx, batch.funnel.speed.nonZero()));
            }
            ServiceContribution service = batch.service;
            if (!service.months.isEmpty()) {
                statements.add(tickets.addToServiceMonth(tx, service.months.nonZero()));
            }
            if (!service.minutes.isEmpty()) {
                statements.add(tickets.addToMinutes(tx, service.minutes.nonZero()));
            }
            if (!service.backlog.isEmpty()) {
                statements.add(tickets.addToBacklog(tx, service.backlog.nonZero()));
            }
            if (!service.categories.isEmpty()) {
                statements.add(tickets.addToCategories(tx, service.categories.nonZero()));
            }
            if (batch.scoringRequested) {
                // Last: every transaction takes the tenant's scoring request after the rows it aggregates.
                statements.add(ingestion.requestScoring(tx));
            }
        }
        return Statements.together(statements);
    }
}
