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
import java.time.Duration;
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

    /** A failing database should delay processing, not send good events to the dead-letter topic. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final int RETRIES = 15;

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
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class).requireValid();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new UnreadableEventException("unreadable event: " + e.getMessage()));
        }
        CloudEvent readable = event;
        return scope.inTransaction(TenantContext.ofSystem(event.tenantid(), consumer), tx ->
                        tx.preparedQuery(RECORD).execute(Tuple.of(consumer, readable.id(), readable.type()))
                                .flatMap(rows -> rows.rowCount() == 1
                                        ? handler.apply(tx, readable).replaceWith(true)
                                        : Uni.createFrom().item(false)))
                // Said each time: a partition held by a failing event must show in the log, not only after
                // the retries, two minutes later.
                .onFailure(failure -> !(failure instanceof UnreadableEventException))
                .invoke(failure -> LOG.warnf("%s could not apply %s %s (will retry): %s", consumer, readable.type(),
                        readable.id(), failure.getMessage()))
                .onFailure(failure -> !(failure instanceof UnreadableEventException))
                .retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).atMost(RETRIES);
    }
}
