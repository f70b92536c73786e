package crm.platform.timers;

import crm.platform.config.TimersConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fires due timers of this service's database. Each timer is claimed with {@code FOR UPDATE SKIP LOCKED}
 * in its own transaction, its handler runs with the timer's tenant as scope, and the row is deleted in
 * that same transaction: two replicas never fire one timer twice, and a crash before the commit leaves
 * the timer to fire again. A handler that fails has its timer retried after a delay instead of blocking
 * the others.
 */
@Singleton
public class TimerScheduler {

    private static final Logger LOG = Logger.getLogger(TimerScheduler.class);
    private static final String CLAIM = "select tenant_id, kind, timer_key, due_at from scheduled_timer"
            + " where kind = any($1) and due_at <= now() order by due_at limit 1 for update skip locked";
    private static final String SET_SCOPE =
            "select set_config('crm.tenant_id', $1, true), set_config('crm.unit_id', '', true)";
    private static final String DELETE =
            "delete from scheduled_timer where tenant_id = $1 and kind = $2 and timer_key = $3 and due_at = $4";
    private static final String POSTPONE = "update scheduled_timer set due_at = now() + $5::interval,"
            + " attempts = attempts + 1 where tenant_id = $1 and kind = $2 and timer_key = $3 and due_at = $4";

    private final Pool pool;
    private final Map<String, TimerHandler> handlers;
    private final String[] kinds;
    private final boolean enabled;
    private final int batchSize;
    private final Duration retryDelay;

    @Inject
    public TimerScheduler(Pool pool, @Any Instance<TimerHandler> handlers, TimersConfig config) {
        this(pool, handlers.stream().toList(), config.enabled(), config.batchSize(), config.retryDelay());
    }

    /** A scheduler of its own, e.g. a second replica on another connection pool. */
    public TimerScheduler(Pool pool, TimerHandler... handlers) {
        this(pool, List.of(handlers), true, 200, Duration.ofSeconds(30));
    }

    private TimerScheduler(Pool pool, List<TimerHandler> handlers, boolean enabled, int batchSize,
                           Duration retryDelay) {
        this.pool = pool;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(TimerHandler::kind, Function.identity()));
        this.kinds = this.handlers.keySet().toArray(String[]::new);
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.retryDelay = retryDelay;
    }

    @Scheduled(every = "${crm.timers.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!enabled || kinds.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return runOnce().onFailure().invoke(e -> LOG.warn("Firing due timers failed; the next poll tries again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fires the timers that are due now (at most one batch); answers how many fired. */
    public Uni<Integer> runOnce() {
        return fireFrom(0);
    }

    private Uni<Integer> fireFrom(int fired) {
        if (fired >= batchSize) {
            return Uni.createFrom().item(fired);
        }
        return fireNext().flatMap(more -> more ? fireFrom(fired + 1) : Uni.createFrom().item(fired));
    }

    /** Claims and fires the earliest due timer; false when none is due. */
    private Uni<Boolean> fireNext() {
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of((Object) kinds)).flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return fire(tx, timerOf(rows.iterator().next())).replaceWith(true);
                }))
                .onFailure(TimerFailed.class).recoverWithUni(e -> postpone((TimerFailed) e).replaceWith(true));
    }

    private Uni<Void> fire(SqlConnection tx, DueTimer timer) {
        return tx.preparedQuery(SET_SCOPE).execute(Tuple.of(timer.tenantId()))
                .flatMap(ignored -> handlers.get(timer.kind()).onDue(tx, timer))
                .flatMap(ignored -> tx.preparedQuery(DELETE).execute(key(timer)))
                .onFailure().transform(e -> new TimerFailed(timer, e))
                .replaceWithVoid();
    }

    // Runs after the failed transaction rolled back and released the row.
    private Uni<Void> postpone(TimerFailed failure) {
        DueTimer timer = failure.timer;
        LOG.warnf(failure.getCause(), "Timer %s/%s of tenant %s failed; it is tried again in %s",
                timer.kind(), timer.key(), timer.tenantId(), retryDelay);
        return pool.withTransaction(tx -> tx.preparedQuery(POSTPONE)
                        .execute(key(timer).addString(retryDelay.toMillis() + " milliseconds")))
                .replaceWithVoid();
    }

    private static Tuple key(DueTimer timer) {
        return Tuple.of(timer.tenantId(), timer.kind(), timer.key(), timer.dueAt());
    }

    private static DueTimer timerOf(Row row) {
        return new DueTimer(row.getString("kind"), row.getString("timer_key"), row.getString("tenant_id"),
                row.getOffsetDateTime("due_at"));
    }

    /** A handler's failure, told apart from a failure to reach the database. */
    private static final class TimerFailed extends RuntimeException {
        private final transient DueTimer timer;

        TimerFailed(DueTimer timer, Throwable cause) {
            super(cause);
            this.timer = timer;
        }
    }
}
