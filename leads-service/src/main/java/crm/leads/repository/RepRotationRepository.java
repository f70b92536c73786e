package crm.leads.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Round-robin state: the rep of a unit who got the last lead. */
@ApplicationScoped
public class RepRotationRepository {

    /**
     * The unit's last assigned rep (null before the first), locked until the transaction ends so that two
     * concurrent captures in one unit take turns instead of both picking the same next rep.
     */
    public Uni<String> lockLast(SqlConnection tx, String unitId) {
        return tx.preparedQuery("insert into rep_rotation (unit_id, last_owner_id) values ($1, '')"
                        + " on conflict (tenant_id, unit_id) do nothing")
                .execute(Tuple.of(unitId))
                .flatMap(ignored -> tx.preparedQuery("select last_owner_id from rep_rotation where unit_id = $1 for update")
                        .execute(Tuple.of(unitId)))
                .map(rows -> {
                    String last = rows.size() == 0 ? null : rows.iterator().next().getString("last_owner_id");
                    return last == null || last.isEmpty() ? null : last;
                });
    }

    public Uni<Void> recordAssigned(SqlConnection tx, String unitId, String ownerId) {
        return tx.preparedQuery("update rep_rotation set last_owner_id = $2, updated_at = now() where unit_id = $1")
                .execute(Tuple.of(unitId, ownerId)).replaceWithVoid();
    }
}
