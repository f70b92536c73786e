package crm.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.db.TenantScope;
import crm.platform.events.CloudEvent;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer: the event id is recorded in the same transaction as the side effects, so a
 * redelivered event is skipped and a crash before commit leaves neither. The transaction runs in the
 * event's tenant, so consumers are bound by the same row-level security as requests.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = "insert into inbox_event (consumer, event_id, event_type)"
            + " values ($1, $2, $3) on conflict do nothing";
    private static final String RECORD_ALL = "insert into inbox_event (consumer, event_id, event_type)"
            + " select * from unnest($1::text[], $2::text[], $3::text[]) on conflict do nothing"
            + " returning consumer, event_id";

    /** A failing database should delay processing, not send good events to the dead-letter topic. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final int RETRIES = 15;
    /**
     * Chains of a stage applied at once. Their statements queue on the one connection, which runs them in
     * turn, so this bounds memory and the queue, not the database's work.
     */
    private static final int CHAINS_SIDE_BY_SIDE = 256;

    private final TenantScope scope;
    private final ObjectMapper mapper;

    public Inbox(TenantScope scope, ObjectMapper mapper) {
        this.scope = scope;
        this.mapper = mapper;
    }

    /**
     * Applies {@code handler} to a raw CloudEvent once per consumer. A payload that is not a valid
     * envelope fails at once, which sends the message to the dead-letter topic. Any other failure (the
     * database restarting, say) is retried with back-off for about two minutes first, holding the
     * partition so that events stay in order; only then does the message go to the dead-letter topic.
     */
    public Uni<Boolean> receive(String consumer, String payload,
                                BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler) {
        CloudEvent readable;
        try {
            readable = read(payload);
        } catch (UnreadableEventException e) {
            return Uni.createFrom().failure(e);
        }
        return scope.inTransaction(TenantContext.ofSystem(readable.tenantid(), consumer),
                        tx -> applyOnce(tx, consumer, readable, handler))
                // Said each time: a partition held by a failing event must show in the log, not only after
                // the retries, two minutes later.
                .onFailure(failure -> !(failure instanceof UnreadableEventException))
                .invoke(failure -> LOG.warnf("%s could not apply %s %s (will retry): %s", consumer, readable.type(),
                        readable.id(), failure.getMessage()))
                .onFailure(failure -> !(failure instanceof UnreadableEventException))
                .retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).atMost(RETRIES);
    }

    /** The envelope of a raw CloudEvent, or {@link UnreadableEventException} naming what is wrong with it. */
    public CloudEvent read(String payload) {
        try {
            return mapper.readValue(payload, CloudEvent.class).requireValid();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException("unreadable event: " + e.getMessage());
        }
    }

    /**
     * One event for one consumer, with what that consumer does with it. In {@link #receiveTogether},
     * deliveries with the same {@code orderKey} are applied in their order, and those with
     * different keys may be applied side by side, their statements interleaved on the transaction's
     * connection. A handler given a key must therefore read and write only its key's own rows, and change
     * rows shared across keys only in ways whose order does not matter (adding to a counter, keeping the
     * greatest). A delivery without a key is applied alone: after everything before it, before everything
     * after it.
     */
    public record Delivery(String consumer, CloudEvent event, BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler,
                           String orderKey) {

        /** A delivery applied alone, in order with all others. */
        public Delivery(String consumer, CloudEvent event, BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler) {
            this(consumer, event, handler, null);
        }
    }

    /**
     * Applies each delivery of one tenant once per consumer, all in one transaction: a consumer working off
     * a backlog pays one commit per batch instead of one per event, and one statement records all their ids.
     * The deliveries are applied in {@link #stages}: within a stage, the chains of different order keys run
     * side by side, so a batch waits for a round trip per step of its longest chain rather than per
     * statement of every event. {@code afterwards} then runs once, in the same transaction, with the
     * deliveries applied (for bookkeeping that need not be repeated per event). The answer says per
     * delivery whether it was applied (false: a duplicate). Nothing is retried: if any delivery fails, none
     * is applied, and the caller falls back to {@link #receive} event by event, which retries and isolates
     * the failing one.
     */
    public Uni<List<Boolean>> receiveTogether(List<Delivery> deliveries,
                                              BiFunction<SqlConnection, List<Delivery>, Uni<Void>> afterwards) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Delivery first = deliveries.get(0);
        String tenant = first.event().tenantid();
        if (deliveries.stream().anyMatch(d -> !d.event().tenantid().equals(tenant))) {
            throw new IllegalArgumentException("deliveries applied together must be of one tenant");
        }
        return scope.inTransaction(TenantContext.ofSystem(tenant, first.consumer()), tx ->
                recordAll(tx, deliveries).flatMap(unseen -> {
                    List<Boolean> outcomes = new ArrayList<>(deliveries.size());
                    List<Delivery> applied = new ArrayList<>();
                    for (Delivery delivery : deliveries) {
                        boolean firstTime = unseen.remove(key(delivery.consumer(), delivery.event().id()));
                        outcomes.add(firstTime);
                        if (firstTime) {
                            applied.add(delivery);
                        }
                    }
                    return Multi.createFrom().iterable(stages(applied))
                            .onItem().transformToUniAndConcatenate(stage -> applyStage(tx, stage))
                            .collect().last()
                            .call(() -> afterwards.apply(tx, applied))
                            .replaceWith(outcomes);
                }));
    }

    /**
     * The deliveries cut into stages, in order: a stage is a run of keyed deliveries, split into one chain
     * per order key (each in the deliveries' order), or a delivery without a key alone.
     */
    static List<List<List<Delivery>>> stages(List<Delivery> deliveries) {
        List<List<List<Delivery>>> stages = new ArrayList<>();
        Map<String, List<Delivery>> chains = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.orderKey() == null) {
                if (!chains.isEmpty()) {
                    stages.add(new ArrayList<>(chains.values()));
                    chains.clear();
                }
                stages.add(List.of(List.of(delivery)));
            } else {
                chains.computeIfAbsent(delivery.orderKey(), k -> new ArrayList<>()).add(delivery);
            }
        }
        if (!chains.isEmpty()) {
            stages.add(new ArrayList<>(chains.values()));
        }
        return stages;
    }

    /** The chains of a stage side by side, each chain's deliveries one after the other. */
    private static Uni<Void> applyStage(SqlConnection tx, List<List<Delivery>> chains) {
        return Multi.createFrom().iterable(chains)
                .onItem().transformToUni(chain -> Multi.createFrom().iterable(chain)
                        .onItem().transformToUniAndConcatenate(delivery -> delivery.handler().apply(tx, delivery.event()))
                        .collect().last())
                .merge(CHAINS_SIDE_BY_SIDE)
                .collect().last().replaceWithVoid();
    }

    /** The keys of the deliveries not seen before, now recorded as seen. */
    private static Uni<Set<String>> recordAll(SqlConnection tx, List<Delivery> deliveries) {
        String[] consumers = deliveries.stream().map(Delivery::consumer).toArray(String[]::new);
        String[] ids = deliveries.stream().map(d -> d.event().id()).toArray(String[]::new);
        String[] types = deliveries.stream().map(d -> d.event().type()).toArray(String[]::new);
        return tx.preparedQuery(RECORD_ALL).execute(Tuple.of(consumers, ids, types)).map(rows -> {
            Set<String> unseen = new HashSet<>();
            for (Row row : rows) {
                unseen.add(key(row.getString("consumer"), row.getString("event_id")));
            }
            return unseen;
        });
    }

    private static String key(String consumer, String eventId) {
        return consumer + '\u0000' + eventId;
    }

    private static Uni<Boolean> applyOnce(SqlConnection tx, String consumer, CloudEvent event,
                                          BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler) {
        return tx.preparedQuery(RECORD).execute(Tuple.of(consumer, event.id(), event.type()))
                .flatMap(rows -> rows.rowCount() == 1
                        ? handler.apply(tx, event).replaceWith(true)
                        : Uni.createFrom().item(false));
    }
}
