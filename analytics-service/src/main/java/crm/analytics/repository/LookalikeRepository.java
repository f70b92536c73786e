package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Open leads by their precomputed lookalike score (the scorer keeps it current). */
@ApplicationScoped
public class LookalikeRepository {

    public Uni<RowSet<Row>> best(SqlConnection tx, int limit) {
        return tx.preparedQuery("select lead_id, unit_id, channel, postal_code, company_name, company_size,"
                        + " products_of_interest, captured_at, status, lookalike_score, lookalike_features::text as features"
                        + " from lead_fact where is_open and lookalike_score is not null"
                        + " order by lookalike_score desc, lead_id limit $1")
                .execute(Tuple.of(limit));
    }
}
