package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Contact counts; row-level security limits every statement to the caller's tenant and unit. */
@ApplicationScoped
public class ContactStatsRepository {

    private static final String ADD = "insert into contact_stats (tenant_id, unit_id, contacts) values ($1, $2, $3)"
            + " on conflict (tenant_id, coalesce(unit_id, ''))"
            + " do update set contacts = contact_stats.contacts + excluded.contacts, updated_at = now()";

    public Uni<Void> countNewContact(SqlConnection tx, String tenantId, String unitId) {
        return tx.preparedQuery(ADD).execute(Tuple.of(tenantId, unitId, 1)).replaceWithVoid();
    }

    /** A contact moved from one unit to another: the per-unit counts follow it. */
    public Uni<Void> moveContact(SqlConnection tx, String tenantId, String fromUnit, String toUnit) {
        return tx.preparedQuery(ADD).execute(Tuple.of(tenantId, fromUnit, -1))
                .flatMap(ignored -> tx.preparedQuery(ADD).execute(Tuple.of(tenantId, toUnit, 1)))
                .replaceWithVoid();
    }

    /** The sum over the rows the caller may see: the whole tenant for HQ, one unit for a franchisee. */
    public Uni<Long> visibleContacts(SqlConnection tx) {
        return tx.query("select coalesce(sum(contacts), 0) from contact_stats").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
