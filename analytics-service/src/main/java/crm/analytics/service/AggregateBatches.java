package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.domain.Order;
import crm.analytics.domain.SalesDeltas;
import crm.analytics.repository.BasketRepository;
import crm.analytics.repository.IngestionRepository;
import crm.analytics.repository.SalesRepository;
import crm.analytics.repository.Statements;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate writes that a batch of events makes together instead of event by event: the sales and basket
 * figures of booked orders, and the tenant's request to be scored again. A poll of orders touches the same
 * product, month and basket rows over and over; summed first, each row is written once per batch.
 * <p>
 * Event ingestion begins a batch on a transaction ({@link #begin}) and writes it ({@link #flush}) before an
 * event applied alone (a merge or an erasure, which must see every order before it) and at the end. Only
 * those events change these rows otherwise, and the figures are sums, least and greatest, so deferring
 * them changes no result. Without an open batch (an event applied alone, with retries), each write is
 * made at once.
 */
@ApplicationScoped
public class AggregateBatches {

    /** What a transaction's events have added and not yet written. */
    private static final class Batch {
        private SalesDeltas sales = new SalesDeltas();
        private boolean scoringRequested;
    }

    private final SalesRepository sales;
    private final BasketRepository baskets;
    private final IngestionRepository ingestion;
    private final AnalyticsConfig config;
    /** By connection identity: a transaction is one connection, and handlers of one batch share it. */
    private final Map<SqlConnection, Batch> open = Collections.synchronizedMap(new IdentityHashMap<>());

    public AggregateBatches(SalesRepository sales, BasketRepository baskets, IngestionRepository ingestion,
                            AnalyticsConfig config) {
        this.sales = sales;
        this.baskets = baskets;
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
        Batch batch = open.get(tx);
        if (batch == null) {
            return write(tx, new SalesDeltas().add(order, maxPairedItems), false);
        }
        synchronized (batch) {
            batch.sales.add(order, maxPairedItems);
        }
        return Uni.createFrom().voidItem();
    }

    /** Marks the tenant for the scorer (see {@link CustomerScorer}). */
    public Uni<Void> requestScoring(SqlConnection tx) {
        Batch batch = open.get(tx);
        if (batch == null) {
            return ingestion.requestScoring(tx).replaceWithVoid();
        }
        synchronized (batch) {
            batch.scoringRequested = true;
        }
        return Uni.createFrom().voidItem();
    }

    /** Writes what the batch of {@code tx} holds and empties it; nothing when no batch is open. */
    public Uni<Void> flush(SqlConnection tx) {
        Batch batch = open.get(tx);
        if (batch == null) {
            return Uni.createFrom().voidItem();
        }
        SalesDeltas deltas;
        boolean scoring;
        synchronized (batch) {
            deltas = batch.sales;
            scoring = batch.scoringRequested;
            batch.sales = new SalesDeltas();
            batch.scoringRequested = false;
        }
        return write(tx, deltas, scoring);
    }

    private Uni<Void> write(SqlConnection tx, SalesDeltas deltas, boolean scoring) {
        List<Uni<?>> statements = new ArrayList<>(sales.addAll(tx, deltas));
        statements.addAll(baskets.addAll(tx, deltas));
        if (scoring) {
            // Last: every transaction takes the tenant's scoring request after the rows it aggregates.
            statements.add(ingestion.requestScoring(tx));
        }
        return Statements.together(statements);
    }
}
