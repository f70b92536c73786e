package crm.contacts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.config.EventsConfig;
import crm.platform.events.CloudEvent;
import crm.platform.events.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * CloudEvents envelopes exactly as platform's Outbox writes them, for bulk paths (CSV import) that insert
 * thousands of outbox rows in one statement instead of one {@code Outbox.append} per event.
 */
@ApplicationScoped
public class OutboxEnvelopes {

    /** An event ready for the outbox table: its id, type, Kafka key and envelope. */
    public record Envelope(UUID id, String topic, String type, String key, CloudEvent event) {
    }

    private final ObjectMapper mapper;
    private final EventsConfig config;

    public OutboxEnvelopes(ObjectMapper mapper, EventsConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public Envelope of(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), config.source(), event.type(),
                event.aggregateId(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                "application/json", event.tenantId(), event.unitId(), mapper.valueToTree(event.data()));
        return new Envelope(id, event.topic(), event.type(), event.aggregateId(), envelope);
    }
}
