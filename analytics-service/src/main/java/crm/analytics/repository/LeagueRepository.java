package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The figures of each unit the caller may see, for one month and the month before. */
@ApplicationScoped
public class LeagueRepository {

    private static final String UNITS = """
            with sales as (
                select unit_id, sum(revenue) filter (where month = $1) as revenue,
                       sum(revenue) filter (where month = $2) as previous_revenue,
                       sum(orders) filter (where month = $1)::integer as orders
                from sales_month where unit_id is not null and month in ($1, $2) group by unit_id
            ), leads as (
                select unit_id, sum(captured)::integer as captured, sum(converted)::integer as converted
                from funnel_cube where unit_id is not null and month = $1 group by unit_id
            ), service as (
                select unit_id, sum(first_response_measured + resolution_measured)::integer as sla_targets,
                       sum(first_response_met + resolution_met)::integer as sla_met,
                       sum(rating_sum)::integer as rating_sum, sum(ratings)::integer as ratings
                from service_month where unit_id is not null and month = $1 group by unit_id
            ), units as (
                select unit_id from sales union select unit_id from leads union select unit_id from service
            )
            select u.unit_id, s.revenue, s.previous_revenue, s.orders, l.captured, l.converted, v.sla_targets, v.sla_met,
                   v.rating_sum, v.ratings
            from units u
            left join sales s on s.unit_id = u.unit_id
            left join leads l on l.unit_id = u.unit_id
            left join service v on v.unit_id = u.unit_id
            order by u.unit_id""";

    public Uni<RowSet<Row>> units(SqlConnection tx, LocalDate month, LocalDate previousMonth) {
        return tx.preparedQuery(UNITS).execute(Tuple.of(month, previousMonth));
    }
}
