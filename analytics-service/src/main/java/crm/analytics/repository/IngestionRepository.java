package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Freshness per tenant and topic, and the scorer's queue of tenants with new data. */
@ApplicationScoped
public class IngestionRepository {

    private static final String RECORD = """
            insert into ingestion_state (topic, last_event_time, last_received_at, events) values ($1, $2, now(), $3)
            on conflict (tenant_id, topic) do update
            set last_event_time = greatest(ingestion_state.last_event_time, excluded.last_event_time),
                last_received_at = now(), events = ingestion_state.events + excluded.events""";

    /** The request counter grows with every change, so the scorer can tell whether it saw the latest one. */
    private static final String REQUEST_SCORING = """
            insert into scoring_request (tenant_id, requested) values (crm_current_tenant(), nextval('scoring_request_seq'))
            on conflict (tenant_id) do update set requested = excluded.requested""";

    /** Freshness of one topic as the caller's tenant sees it. */
    public record TopicState(String topic, OffsetDateTime lastEventTime, OffsetDateTime lastReceivedAt, long events) {
    }

    /** {@code events} more events of {@code topic} applied, the newest of them from {@code newestEventTime}. */
    public Uni<?> recordEvents(SqlConnection tx, String topic, OffsetDateTime newestEventTime, int events) {
        return tx.preparedQuery(RECORD).execute(Tuple.of(topic, newestEventTime, events));
    }

    public Uni<?> requestScoring(SqlConnection tx) {
        return tx.preparedQuery(REQUEST_SCORING).execute();
    }

    public Uni<List<TopicState>> topics(SqlConnection tx) {
        return tx.query("select topic, last_event_time, last_received_at, events from ingestion_state order by topic")
                .execute().map(rows -> {
                    List<TopicState> states = new ArrayList<>();
                    for (Row r : rows) {
                        states.add(new TopicState(r.getString("topic"), r.getOffsetDateTime("last_event_time"),
                                r.getOffsetDateTime("last_received_at"), r.getLong("events")));
                    }
                    return states;
                });
    }
}
