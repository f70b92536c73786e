package crm.platform.timers;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Schedules, moves and cancels durable timers inside the caller's transaction: the timer exists exactly
 * when the change that needs it is committed. The tenant comes from the transaction's scope.
 */
@ApplicationScoped
public class Timers {

    private static final String SCHEDULE = "insert into scheduled_timer (kind, timer_key, due_at) values ($1, $2, $3)"
            + " on conflict (tenant_id, kind, timer_key) do update set due_at = excluded.due_at, attempts = 0";
    // The table is outside row-level security (the scheduler must see every tenant), so the scope is named here.
    private static final String CANCEL =
            "delete from scheduled_timer where tenant_id = crm_current_tenant() and kind = $1 and timer_key = $2";

    public Uni<Void> schedule(SqlConnection transaction, String kind, String key, OffsetDateTime dueAt) {
        return transaction.preparedQuery(SCHEDULE).execute(Tuple.of(kind, key, dueAt)).replaceWithVoid();
    }

    public Uni<Void> cancel(SqlConnection transaction, String kind, String key) {
        return transaction.preparedQuery(CANCEL).execute(Tuple.of(kind, key)).replaceWithVoid();
    }
}
