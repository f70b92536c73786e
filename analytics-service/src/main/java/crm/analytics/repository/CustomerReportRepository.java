package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the customer-value aggregates in the caller's scope ("scope_key = analytics_scope()": brand-wide
 * rows for HQ, the own unit's rows for franchisee staff).
 */
@ApplicationScoped
public class CustomerReportRepository {

    static final String VALUE_COLUMNS = "contact_id, unit_id, revenue, purchase_revenue, won_revenue, orders,"
            + " first_order_at, last_order_at, r_score, f_score, m_score, segment";

    /**
     * Whether the caller may see anything of the contact: its profile (row-level security: own unit or
     * HQ) or figures of the contact in the caller's scope.
     */
    public Uni<Boolean> isVisible(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select exists (select 1 from contact_profile where contact_id = $1)"
                        + " or exists (select 1 from customer_value where scope_key = analytics_scope() and contact_id = $1)")
                .execute(Tuple.of(contactId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Optional<Row>> value(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + VALUE_COLUMNS + " from customer_value"
                        + " where scope_key = analytics_scope() and contact_id = $1")
                .execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
    }

    public Uni<RowSet<Row>> top(SqlConnection tx, int limit) {
        return tx.preparedQuery("select cv.contact_id, cv.revenue, cv.orders, cv.first_order_at, cv.last_order_at,"
                        + " cv.segment, p.first_name, p.last_name from customer_value cv"
                        + " left join contact_profile p on p.contact_id = cv.contact_id"
                        + " where cv.scope_key = analytics_scope() order by cv.revenue desc, cv.contact_id limit $1")
                .execute(Tuple.of(limit));
    }

    public Uni<RowSet<Row>> segments(SqlConnection tx) {
        return tx.query("select segment, customers, revenue, scored_at from segment_summary"
                + " where scope_key = analytics_scope()").execute();
    }

    /** Every value row of a contact in the caller's view (privacy export: all scopes for HQ). */
    public Uni<RowSet<Row>> valuesOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + VALUE_COLUMNS + " from customer_value where contact_id = $1"
                + " order by unit_id nulls first").execute(Tuple.of(contactId));
    }

    public Uni<RowSet<Row>> productsOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select unit_id, sku, quantity, revenue, orders, last_at from customer_product"
                + " where contact_id = $1 order by unit_id nulls first, sku").execute(Tuple.of(contactId));
    }
}
