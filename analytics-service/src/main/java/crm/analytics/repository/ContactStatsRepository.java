package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Contact counts; row-level security limits every statement to the caller's tenant and unit. */
@ApplicationScoped
public class ContactStatsRepository {

    public Uni<Void> countNewContact(SqlConnection tx, String tenantId, String unitId) {
        return tx.preparedQuery("insert into contact_stats (tenant_id, unit_id, contacts) values ($1, $2, 1)"
                        + " on conflict (tenant_id, coalesce(unit_id, ''))"
                        + " do update set contacts = contact_stats.contacts + 1, updated_at = now()")
                .execute(Tuple.of(tenantId, unitId))
                .replaceWithVoid();
    }

    /** The sum over the rows the caller may see: the whole tenant for HQ, one unit for a franchisee. */
    public Uni<Long> visibleContacts(SqlConnection tx) {
        return tx.query("select coalesce(sum(contacts), 0) from contact_stats").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
