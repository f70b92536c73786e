package crm.analytics.service;

import crm.analytics.repository.IngestionRepository;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
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
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<OffsetDateTime>> newestEvent = new ConcurrentHashMap<>();

    public EventIngestion(Inbox inbox, IngestionRepository ingestion, MeterRegistry registry) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.registry = registry;
    }

    public Uni<Void> receive(String consumer, String topic, String payload,
                             BiFunction<SqlConnection, CloudEvent, Uni<Void>> projector) {
        AtomicReference<OffsetDateTime> eventTime = new AtomicReference<>();
        return inbox.receive(consumer, payload, (tx, event) -> {
                    OffsetDateTime time = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
                    eventTime.set(time);
                    return projector.apply(tx, event).call(() -> ingestion.recordEvent(tx, topic, time));
                })
                .invoke(applied -> {
                    Counter.builder("crm.analytics.events").tag("topic", topic)
                            .tag("outcome", applied ? "applied" : "duplicate").register(registry).increment();
                    if (applied) {
                        newest(topic).accumulateAndGet(eventTime.get(),
                                (a, b) -> a == null || b.isAfter(a) ? b : a);
                    }
                })
                .replaceWithVoid();
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
