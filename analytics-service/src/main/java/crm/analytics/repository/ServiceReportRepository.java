package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Reads of the service aggregates: monthly figures and minute histograms in the caller's scope, the backlog. */
@ApplicationScoped
public class ServiceReportRepository {

    public Uni<RowSet<Row>> months(SqlConnection tx, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select sum(opened)::integer as opened, sum(resolved)::integer as resolved,"
                        + " sum(first_response_measured)::integer as first_response_measured,"
                        + " sum(first_response_met)::integer as first_response_met,"
                        + " sum(resolution_measured)::integer as resolution_measured,"
                        + " sum(resolution_met)::integer as resolution_met, sum(rating_sum)::integer as rating_sum,"
                        + " sum(ratings)::integer as ratings from service_month"
                        + " where scope_key = analytics_scope() and month between $1 and $2")
                .execute(Tuple.of(from, to));
    }

    /** (metric, minutes, tickets) in metric and minute order. */
    public Uni<RowSet<Row>> minutes(SqlConnection tx, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select metric, minutes, sum(tickets)::integer as tickets from service_minutes"
                        + " where scope_key = analytics_scope() and month between $1 and $2"
                        + " group by metric, minutes order by metric, minutes")
                .execute(Tuple.of(from, to));
    }

    /** Open tickets per unit and queue: every unit for HQ, the own unit for franchisee staff. */
    public Uni<RowSet<Row>> backlog(SqlConnection tx) {
        return tx.query("select unit_id, queue_key, queue_name, open from ticket_backlog where open > 0"
                + " order by unit_id nulls first, queue_name nulls last, queue_key").execute();
    }
}
