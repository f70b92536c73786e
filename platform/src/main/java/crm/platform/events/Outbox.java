package crm.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.config.EventsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction, so a change and its event are
 * committed together or not at all. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event (id, topic, message_key, type, tenant_id, envelope)"
            + " values ($1, $2, $3, $4, $5, $6)";

    private final ObjectMapper mapper;
    private final EventsConfig config;

    public Outbox(ObjectMapper mapper, EventsConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<Void> append(SqlConnection transaction, OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), config.source(), event.type(),
                event.aggregateId(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                "application/json", event.tenantId(), event.unitId(), mapper.valueToTree(event.data()));
        return transaction.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {id, event.topic(), event.aggregateId(), event.type(),
                        event.tenantId(), new JsonObject(toJson(envelope))}))
                .replaceWithVoid();
    }

    // A String bound to a jsonb parameter would be stored as a JSON string scalar, hence the JsonObject.
    private String toJson(CloudEvent envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialised", e);
        }
    }
}
