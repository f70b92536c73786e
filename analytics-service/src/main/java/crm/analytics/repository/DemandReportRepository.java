package crm.analytics.repository;

import crm.analytics.domain.CalendarPeriod;
import crm.analytics.domain.DateSlices;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the sales and ticket-category aggregates in the caller's scope. A date range is read as its
 * whole months, whole weeks and remaining days ({@link DateSlices}), so the rows read barely grow with the range.
 */
@ApplicationScoped
public class DemandReportRepository {

    /** Sales per SKU in a date range: month rows for whole months, week rows for whole weeks, day rows for the rest. */
    private static final String WINDOW_SALES = """
            window_sales as (
                select sku, units, revenue, orders from product_sales
                where scope_key = analytics_scope() and period = 'month' and period_start = any($1::text[]::date[])
                union all
                select sku, units, revenue, orders from product_sales
                where scope_key = analytics_scope() and period = 'week' and period_start = any($2::text[]::date[])
                union all
                select sku, units, revenue, orders from product_sales
                where scope_key = analytics_scope() and period = 'day' and period_start = any($3::text[]::date[])
            ), per_sku as (
                select sku, sum(units) as units, sum(revenue) as revenue, sum(orders)::integer as orders
                from window_sales group by sku
            )""";

    /**
     * One keyset page of SKU-period rows with the same SKU's figures of the period before. The previous
     * period's start is computed inside the page query, so that the join to it compares plain columns and
     * stays an index lookup beneath row-level security (an expression there would be evaluated as a filter).
     */
    public Uni<RowSet<Row>> periods(SqlConnection tx, CalendarPeriod period, LocalDate from, LocalDate to, String sku,
                                    LocalDate afterStart, String afterSku, int fetch) {
        String previous = switch (period) {
            case DAY -> "s.period_start - 1";
            case WEEK -> "s.period_start - 7";
            case MONTH -> "(s.period_start - interval '1 month')::date";
        };
        List<Object> args = new ArrayList<>(List.of(period.value(), from, to));
        StringBuilder page = new StringBuilder("select s.period_start, s.sku, s.units, s.revenue, s.orders, ")
                .append(previous).append(" as previous_start from product_sales s")
                .append(" where s.scope_key = analytics_scope() and s.period = $1 and s.period_start between $2 and $3");
        if (sku != null) {
            args.add(sku);
            page.append(" and s.sku = $").append(args.size());
        }
        if (afterStart != null) {
            args.add(afterStart);
            args.add(afterSku);
            page.append(" and (s.period_start, s.sku) > ($").append(args.size() - 1).append(", $").append(args.size())
                    .append(')');
        }
        args.add(fetch);
        page.append(" order by s.period_start, s.sku limit $").append(args.size());
        String sql = "with page as (" + page + ") select page.period_start, page.sku, page.units, page.revenue,"
                + " page.orders, prev.units as previous_units, prev.revenue as previous_revenue, c.name from page"
                + " left join product_sales prev on prev.scope_key = analytics_scope() and prev.period = $1"
                + " and prev.period_start = page.previous_start and prev.sku = page.sku"
                + " left join product_catalogue c on c.sku = page.sku order by page.period_start, page.sku";
        return tx.preparedQuery(sql).execute(Tuple.from(args));
    }

    public Uni<RowSet<Row>> topSellers(SqlConnection tx, DateSlices window, boolean byRevenue, int limit) {
        String order = byRevenue ? "w.revenue desc, w.units desc" : "w.units desc, w.revenue desc";
        return tx.preparedQuery("with " + WINDOW_SALES + " select w.sku, w.units, w.revenue, w.orders, c.name,"
                        + " c.category, c.kind from per_sku w left join product_catalogue c on c.sku = w.sku"
                        + " order by " + order + ", w.sku limit $4")
                .execute(Tuple.of(window.monthTexts(), window.weekTexts(), window.dayTexts(), limit));
    }

    /**
     * Active catalogue items by sales in the window, fewest first; among equals, the longest unsold first
     * and never sold before everything else.
     */
    public Uni<RowSet<Row>> slowSellers(SqlConnection tx, DateSlices window, String kind, int limit) {
        return tx.preparedQuery("with " + WINDOW_SALES + " select c.sku, c.name, c.category, c.kind, w.units, w.revenue,"
                        + " t.last_sold_at from product_catalogue c left join per_sku w on w.sku = c.sku"
                        + " left join product_totals t on t.scope_key = analytics_scope() and t.sku = c.sku"
                        + " where c.active and ($5::text is null or c.kind = $5)"
                        + " order by coalesce(w.units, 0), t.last_sold_at nulls first, c.sku limit $4")
                .execute(Tuple.of(window.monthTexts(), window.weekTexts(), window.dayTexts(), limit, kind));
    }

    public Uni<RowSet<Row>> servicePurchases(SqlConnection tx, DateSlices window, int limit) {
        return tx.preparedQuery("with " + WINDOW_SALES + " select w.sku, w.units, w.revenue, w.orders, c.name,"
                        + " c.category, c.kind from per_sku w join product_catalogue c on c.sku = w.sku"
                        + " where c.kind = 'service' order by w.units desc, w.revenue desc, w.sku limit $4")
                .execute(Tuple.of(window.monthTexts(), window.weekTexts(), window.dayTexts(), limit));
    }

    public Uni<RowSet<Row>> ticketCategories(SqlConnection tx, DateSlices window, int limit) {
        return tx.preparedQuery("""
                        with window_tickets as (
                            select category, tickets from ticket_category
                            where scope_key = analytics_scope() and period = 'month'
                              and period_start = any($1::text[]::date[])
                            union all
                            select category, tickets from ticket_category
                            where scope_key = analytics_scope() and period = 'week'
                              and period_start = any($2::text[]::date[])
                            union all
                            select category, tickets from ticket_category
                            where scope_key = analytics_scope() and period = 'day'
                              and period_start = any($3::text[]::date[])
                        )
                        select category, sum(tickets)::integer as tickets from window_tickets
                        group by category having sum(tickets) > 0 order by 2 desc, 1 limit $4""")
                .execute(Tuple.of(window.monthTexts(), window.weekTexts(), window.dayTexts(), limit));
    }
}
