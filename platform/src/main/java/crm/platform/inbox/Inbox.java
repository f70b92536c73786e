package crm.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.db.TenantScope;
import crm.platform.events.CloudEvent;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;

/**
 * The idempotent consumer: the event id is recorded in the same transaction as the side effects, so a
 * redelivered event is skipped and a crash before commit leaves neither. The transaction runs in the
 * event's tenant, so consumers are bound by the same row-level security as requests.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = "insert into inbox_event (consumer, event_id, event_type)"
            + " values ($1, $2, $3) on conflict do nothing";

    private final TenantScope scope;
    private final ObjectMapper mapper;

    public Inbox(TenantScope scope, ObjectMapper mapper) {
        this.scope = scope;
        this.mapper = mapper;
    }

    /**
     * Applies {@code handler} to a raw CloudEvent once per consumer. A payload that is not a valid
     * envelope fails the returned Uni, which sends the message to the dead-letter topic.
     */
    public Uni<Boolean> receive(String consumer, String payload,
                                BiFunction<SqlConnection, CloudEvent, Uni<Void>> handler) {
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class).requireValid();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("unreadable event: " + e.getMessage()));
        }
        return scope.inTransaction(TenantContext.ofSystem(event.tenantid(), consumer), tx ->
                tx.preparedQuery(RECORD).execute(Tuple.of(consumer, event.id(), event.type()))
                        .flatMap(rows -> rows.rowCount() == 1
                                ? handler.apply(tx, event).replaceWith(true)
                                : Uni.createFrom().item(false)));
    }
}
