package crm.platform.timers;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reacts to the timers of one kind. {@link #onDue} runs inside the transaction that claims and deletes
 * the timer, with the timer's tenant set as scope and no unit (brand-wide), so its writes, its outbox
 * events and any re-scheduling commit exactly once together with the timer's removal.
 */
public interface TimerHandler {

    /** The kind this handler fires, e.g. {@code task.due}. */
    String kind();

    Uni<Void> onDue(SqlConnection transaction, DueTimer timer);
}
