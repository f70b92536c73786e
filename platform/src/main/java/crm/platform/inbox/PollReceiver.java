package crm.platform.inbox;

import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies what one poll of a batch channel ({@code mp.messaging.incoming.<channel>.batch=true}) returned.
 * Records that are not even a readable envelope are parked at once; the rest are applied in one
 * transaction per tenant ({@link Inbox#receiveTogether}), so a backlog costs one commit per tenant and
 * poll, not one per event. Events of different tenants never touch the same rows, so the tenants'
 * transactions run side by side: each runs its statements one after another on its own connection, and
 * only several of them let the database work on more than one core.
 * If a tenant's transaction fails anyway (a deadlock with another replica is tried again together; a
 * payload that breaks its type's contract, the database restarting), that tenant's events are applied
 * again one by one: each event with the inbox's retries, and an event that still cannot be applied is
 * parked, so the others go on. Only if even parking fails does the poll fail, and with it the channel
 * (health goes down); its records are read again after a restart.
 */
public final class PollReceiver {

    private static final Logger LOG = Logger.getLogger(PollReceiver.class);
    /** deadlock_detected and serialization_failure: the transaction may well pass when tried again. */
    private static final Set<String> TRANSIENT = Set.of("40P01", "40001");
    private static final int TOGETHER_ATTEMPTS = 3;
    /** Tenants of a poll applied at once, each in its own transaction and connection. */
    private static final int TENANTS_SIDE_BY_SIDE = 4;

    /**
     * How the events of a topic are applied: under which consumer name the inbox records them, by what,
     * and with which order key (see {@link Inbox.Delivery}; a function answering null applies each event
     * alone, in the order of the poll).
     */
    public record Route(String consumer, BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler,
                        Function<CloudEvent, String> orderKey) {
    }

    /** A readable record of the poll, with the delivery that applies it. */
    public record Polled(ConsumerRecord<String, String> record, Inbox.Delivery delivery) {
    }

    /** What is done with the readable records: one tenant's together in one transaction, or one alone (with retries). */
    public interface Applier {

        Uni<Void> together(List<Polled> polled);

        Uni<Void> alone(Polled polled);
    }

    private final Inbox inbox;
    private final DeadLetters deadLetters;

    public PollReceiver(Inbox inbox, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    /** Applies the poll with the inbox alone: nothing is booked beyond what the handlers do. */
    public Uni<Void> receive(ConsumerRecords<String, String> records, Function<String, Route> routes) {
        return receive(records, routes, new Applier() {
            @Override
            public Uni<Void> together(List<Polled> polled) {
                return inbox.receiveTogether(polled.stream().map(Polled::delivery).toList(),
                        (tx, applied) -> Uni.createFrom().voidItem()).replaceWithVoid();
            }

            @Override
            public Uni<Void> alone(Polled polled) {
                Inbox.Delivery delivery = polled.delivery();
                return inbox.receive(delivery.consumer(), polled.record().value(), delivery.handler()).replaceWithVoid();
            }
        });
    }

    /** Applies the poll with {@code applier}; {@code routes} answers null for a topic it does not know. */
    public Uni<Void> receive(ConsumerRecords<String, String> records, Function<String, Route> routes,
                             Applier applier) {
        List<Polled> readable = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Route route = routes.apply(record.topic());
                if (route == null) {
                    throw new UnreadableEventException("no consumer for topic " + record.topic());
                }
                CloudEvent event = inbox.read(record.value());
                readable.add(new Polled(record, new Inbox.Delivery(route.consumer(), event, route.handler(),
                        route.orderKey().apply(event))));
            } catch (UnreadableEventException e) {
                parked.add(deadLetters.park(record, e));
            }
        }
        Uni<Void> parking = parked.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        if (readable.isEmpty()) {
            return parking;
        }
        return parking.flatMap(ignored -> Multi.createFrom().iterable(byTenant(readable))
                .onItem().transformToUni(tenant -> applyTogether(tenant, applier))
                .merge(TENANTS_SIDE_BY_SIDE)
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> applyTogether(List<Polled> polled, Applier applier) {
        return applier.together(polled)
                .onFailure(PollReceiver::isTransient).retry().atMost(TOGETHER_ATTEMPTS - 1)
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("applying %d events of tenant %s one by one, as they failed together: %s",
                            polled.size(), polled.get(0).delivery().event().tenantid(), failure.getMessage());
                    return oneByOne(polled, applier);
                });
    }

    /** The records grouped by tenant, tenants in the order they first appear, each tenant's in the poll's order. */
    static List<List<Polled>> byTenant(List<Polled> polled) {
        Map<String, List<Polled>> tenants = new LinkedHashMap<>();
        for (Polled one : polled) {
            tenants.computeIfAbsent(one.delivery().event().tenantid(), t -> new ArrayList<>()).add(one);
        }
        return new ArrayList<>(tenants.values());
    }

    private Uni<Void> oneByOne(List<Polled> polled, Applier applier) {
        return Multi.createFrom().iterable(polled)
                .onItem().transformToUniAndConcatenate(one -> applier.alone(one)
                        .onFailure().recoverWithUni(failure -> deadLetters.park(one.record(), failure)))
                .collect().last().replaceWithVoid();
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof PgException pg && TRANSIENT.contains(pg.getSqlState());
    }
}
