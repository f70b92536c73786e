package crm.analytics.service;

import crm.analytics.repository.IngestionRepository;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.PollReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Every consumed event passes here: through the inbox (once per event id, side effects in the same
 * transaction), then into the tenant's freshness record. Metrics per topic: events applied and skipped
 * as duplicates ({@code crm.analytics.events}), and the age of the newest event applied
 * ({@code crm.analytics.data.age}, seconds).
 */
@ApplicationScoped
public class EventIngestion {

    private final Inbox inbox;
    private final IngestionRepository ingestion;
    private final AggregateBatches aggregates;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<OffsetDateTime>> newestEvent = new ConcurrentHashMap<>();

    public EventIngestion(Inbox inbox, IngestionRepository ingestion, AggregateBatches aggregates,
                          MeterRegistry registry) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.aggregates = aggregates;
        this.registry = registry;
    }

    /** One event, retried on failure (see {@link Inbox#receive}). */
    public Uni<Void> receive(String consumer, String topic, String payload,
                             BiFunction<SqlConnection, CloudEvent, Uni<Void>> projector) {
        AtomicReference<OffsetDateTime> eventTime = new AtomicReference<>();
        return inbox.receive(consumer, payload, (tx, event) -> {
                    eventTime.set(timeOf(event));
                    return projector.apply(tx, event).call(() -> ingestion.recordEvents(tx, topic, eventTime.get(), 1));
                })
                .invoke(applied -> count(topic, applied, eventTime.get()))
                .replaceWithVoid();
    }

    /**
     * One tenant's events of a poll in one transaction, without retries (see {@link Inbox#receiveTogether}).
     * Aggregate writes wait in a batch ({@link AggregateBatches}) written before each event applied alone
     * and at the end; freshness is recorded once per topic, not per event.
     */
    public Uni<Void> receiveTogether(List<PollReceiver.Polled> polled) {
        Map<Inbox.Delivery, String> topics = new IdentityHashMap<>();
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        AtomicReference<Runnable> endBatch = new AtomicReference<>();
        for (PollReceiver.Polled one : polled) {
            Inbox.Delivery delivery = batched(one.delivery(), endBatch);
            topics.put(delivery, one.record().topic());
            deliveries.add(delivery);
        }
        return inbox.receiveTogether(deliveries, (tx, applied) -> {
                    Map<String, List<OffsetDateTime>> timesByTopic = new TreeMap<>();
                    for (Inbox.Delivery delivery : applied) {
                        timesByTopic.computeIfAbsent(topics.get(delivery), t -> new ArrayList<>())
                                .add(timeOf(delivery.event()));
                    }
                    return aggregates.flush(tx).call(() -> Multi.createFrom().iterable(timesByTopic.entrySet())
                            .onItem().transformToUniAndConcatenate(topic -> ingestion.recordEvents(tx, topic.getKey(),
                                    Collections.max(topic.getValue()), topic.getValue().size()))
                            .collect().last());
                })
                .invoke(applied -> {
                    for (int i = 0; i < deliveries.size(); i++) {
                        Inbox.Delivery delivery = deliveries.get(i);
                        count(topics.get(delivery), applied.get(i), timeOf(delivery.event()));
                    }
                })
                .onTermination().invoke(() -> {
                    Runnable end = endBatch.get();
                    if (end != null) {
                        end.run();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The delivery with its handler adding to the transaction's batch of aggregate writes; one applied
     * alone first writes what the batch holds, so that it sees every event before it. The first handler to
     * run begins the batch: all of them run on the one transaction.
     */
    private Inbox.Delivery batched(Inbox.Delivery delivery, AtomicReference<Runnable> endBatch) {
        BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler = delivery.handler();
        BiFunction<SqlConnection, CloudEvent, Uni<Void>> batchedHandler = (tx, event) -> {
            if (endBatch.get() == null) {
                endBatch.set(aggregates.begin(tx));
            }
            return delivery.orderKey() != null ? handler.apply(tx, event)
                    : aggregates.flush(tx).flatMap(ignored -> handler.apply(tx, event));
        };
        return new Inbox.Delivery(delivery.consumer(), delivery.event(), batchedHandler, delivery.orderKey());
    }

    private static OffsetDateTime timeOf(CloudEvent event) {
        return event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void count(String topic, boolean applied, OffsetDateTime eventTime) {
        Counter.builder("crm.analytics.events").tag("topic", topic)
                .tag("outcome", applied ? "applied" : "duplicate").register(registry).increment();
        if (applied) {
            newest(topic).accumulateAndGet(eventTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    private AtomicReference<OffsetDateTime> newest(String topic) {
        return newestEvent.computeIfAbsent(topic, t -> {
            AtomicReference<OffsetDateTime> holder = new AtomicReference<>();
            Gauge.builder("crm.analytics.data.age", holder, h -> h.get() == null ? Double.NaN
                            : Duration.between(h.get(), OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0)
                    .tag("topic", t).baseUnit("seconds").description("Age of the newest event applied")
                    .register(registry);
            return holder;
        });
    }
}
