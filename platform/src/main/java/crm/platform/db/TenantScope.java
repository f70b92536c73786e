package crm.platform.db;

import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * The one way a service touches its tenant data. Every transaction starts by setting the PostgreSQL
 * settings {@code crm.tenant_id} and {@code crm.unit_id}; row-level security policies (FORCE'd, so the
 * table owner is bound too) and column defaults read them. A query that forgets the tenant is still
 * scoped, and a transaction that never set them sees no rows at all.
 */
@ApplicationScoped
public class TenantScope {

    private static final String SET_SCOPE =
            "select set_config('crm.tenant_id', $1, true), set_config('crm.unit_id', $2, true)";

    private final Pool pool;

    public TenantScope(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(TenantContext context, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> switchTo(connection, context)
                .flatMap(ignored -> work.apply(connection)));
    }

    /**
     * Moves an open transaction to another scope, for consumers that apply several tenants' events in one
     * transaction; what follows sees only the new tenant's rows.
     */
    public Uni<Void> switchTo(SqlConnection transaction, TenantContext context) {
        return transaction.preparedQuery(SET_SCOPE)
                .execute(Tuple.of(context.tenantId(), context.unitId() == null ? "" : context.unitId()))
                .replaceWithVoid();
    }
}
