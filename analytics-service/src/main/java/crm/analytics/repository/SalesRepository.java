package crm.analytics.repository;

import crm.analytics.domain.CalendarPeriod;
import crm.analytics.domain.Order;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Books orders into the sales aggregates. Row-level security scopes every statement to the event's tenant;
 * rows are inserted in a fixed order (scope, period, SKU) so that concurrent consumers do not deadlock.
 */
@ApplicationScoped
public class SalesRepository {

    /**
     * The campaign a new order is attributed to: a won opportunity names it (or its lead's campaign); a
     * purchase gets the campaign that won its contact, when it was made at or after that conversion.
     */
    private static final String INSERT_ORDER = """
            insert into order_fact (unit_id, kind, order_id, contact_id, ordered_at, amount, currency, total, skus,
                                    campaign_id)
            values ($1, $2, $3, $4, $5, $6::numeric, $7, $8::numeric, $9::text[],
                    case when $2 = 'opportunity'
                         then coalesce($10, (select l.campaign_id from lead_fact l where l.lead_id = $11))
                         else (select c.campaign_id from contact_campaign c
                               where c.contact_id = $4 and c.converted_at <= $5) end)
            on conflict (tenant_id, kind, order_id) do nothing
            returning campaign_id""";

    private static final String PRODUCT_SALES = """
            insert into product_sales (unit_id, period, period_start, sku, units, revenue, orders)
            select s.unit_id, p.period, p.start, l.sku, l.units, l.revenue, 1
            from unnest($1::text[], $2::text[]::numeric[], $3::text[]::numeric[]) as l(sku, units, revenue)
            cross join unnest($4::text[], $5::text[]::date[]) as p(period, start)
            cross join unnest($6::text[]) with ordinality as s(unit_id, position)
            order by s.position, p.period, p.start, l.sku
            on conflict (tenant_id, scope_key, period, period_start, sku) do update
            set units = product_sales.units + excluded.units, revenue = product_sales.revenue + excluded.revenue,
                orders = product_sales.orders + excluded.orders""";

    private static final String PRODUCT_TOTALS = """
            insert into product_totals (unit_id, sku, units, revenue, first_sold_at, last_sold_at)
            select s.unit_id, l.sku, l.units, l.revenue, $4, $4
            from unnest($1::text[], $2::text[]::numeric[], $3::text[]::numeric[]) as l(sku, units, revenue)
            cross join unnest($5::text[]) with ordinality as s(unit_id, position)
            order by s.position, l.sku
            on conflict (tenant_id, scope_key, sku) do update
            set units = product_totals.units + excluded.units, revenue = product_totals.revenue + excluded.revenue,
                first_sold_at = least(product_totals.first_sold_at, excluded.first_sold_at),
                last_sold_at = greatest(product_totals.last_sold_at, excluded.last_sold_at)""";

    private static final String CUSTOMER_VALUE = """
            insert into customer_value (unit_id, contact_id, revenue, purchase_revenue, won_revenue, orders,
                                        first_order_at, last_order_at)
            select s.unit_id, $1, $2::numeric, $3::numeric, $4::numeric, 1, $5, $5
            from unnest($6::text[]) with ordinality as s(unit_id, position)
            order by s.position
            on conflict (tenant_id, scope_key, contact_id) do update
            set revenue = customer_value.revenue + excluded.revenue,
                purchase_revenue = customer_value.purchase_revenue + excluded.purchase_revenue,
                won_revenue = customer_value.won_revenue + excluded.won_revenue,
                orders = customer_value.orders + 1,
                first_order_at = least(customer_value.first_order_at, excluded.first_order_at),
                last_order_at = greatest(customer_value.last_order_at, excluded.last_order_at)""";

    private static final String CUSTOMER_PRODUCT = """
            insert into customer_product (unit_id, contact_id, sku, quantity, revenue, orders, last_at)
            select s.unit_id, $1, l.sku, l.units, l.revenue, 1, $5
            from unnest($2::text[], $3::text[]::numeric[], $4::text[]::numeric[]) as l(sku, units, revenue)
            cross join unnest($6::text[]) with ordinality as s(unit_id, position)
            order by s.position, l.sku
            on conflict (tenant_id, scope_key, contact_id, sku) do update
            set quantity = customer_product.quantity + excluded.quantity,
                revenue = customer_product.revenue + excluded.revenue,
                orders = customer_product.orders + 1,
                last_at = greatest(customer_product.last_at, excluded.last_at)""";

    private static final String SALES_MONTH = """
            insert into sales_month (unit_id, month, revenue, orders)
            select s.unit_id, $1::date, $2::numeric, 1
            from unnest($3::text[]) with ordinality as s(unit_id, position)
            order by s.position
            on conflict (tenant_id, scope_key, month) do update
            set revenue = sales_month.revenue + excluded.revenue, orders = sales_month.orders + 1""";

    /** Inserts the order's fact row; empty when the order was booked before (a replay under another event id). */
    public Uni<Optional<Booked>> insertOrder(SqlConnection tx, Order order) {
        return tx.preparedQuery(INSERT_ORDER)
                .execute(Tuple.from(new Object[] {order.unitId(), order.kind().value(), order.orderId(),
                        order.contactId(), order.orderedAt(), order.amount(), order.currency(),
                        order.total(), order.skus().toArray(String[]::new), order.campaignId(),
                        order.leadId()}))
                .map(rows -> rows.size() == 0 ? Optional.<Booked>empty()
                        : Optional.of(new Booked(rows.iterator().next().getUUID("campaign_id"))));
    }

    /** A booked order and the campaign it was attributed to (or null). */
    public record Booked(UUID campaignId) {
    }

    /** The statements that add the order to the sales aggregates; the caller runs them together. */
    public List<Uni<?>> addToAggregates(SqlConnection tx, Order order) {
        String[] scopes = Scopes.of(order.unitId());
        String[] skus = order.lines().stream().map(Order.Line::sku).toArray(String[]::new);
        String[] units = Statements.decimals(order.lines().stream().map(Order.Line::units).toList());
        String[] revenues = Statements.decimals(order.lines().stream().map(Order.Line::revenue).toList());
        List<String> periods = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (CalendarPeriod period : CalendarPeriod.values()) {
            periods.add(period.value());
            starts.add(period.startOf(order.orderedAt()).toString());
        }
        LocalDate month = CalendarPeriod.MONTH.startOf(order.orderedAt());
        List<Uni<?>> statements = new ArrayList<>();
        if (skus.length > 0) {
            statements.add(tx.preparedQuery(PRODUCT_SALES).execute(Tuple.from(new Object[] {skus, units, revenues,
                    periods.toArray(String[]::new), starts.toArray(String[]::new), scopes})));
            statements.add(tx.preparedQuery(PRODUCT_TOTALS).execute(Tuple.from(new Object[] {skus, units, revenues,
                    order.orderedAt(), scopes})));
        }
        if (order.contactId() != null) {
            boolean purchase = order.kind() == Order.Kind.PURCHASE;
            statements.add(tx.preparedQuery(CUSTOMER_VALUE).execute(Tuple.from(new Object[] {order.contactId(),
                    order.amount(), purchase ? order.amount() : BigDecimal.ZERO,
                    purchase ? BigDecimal.ZERO : order.amount(), order.orderedAt(), scopes})));
            if (skus.length > 0) {
                statements.add(tx.preparedQuery(CUSTOMER_PRODUCT).execute(Tuple.from(new Object[] {order.contactId(),
                        skus, units, revenues, order.orderedAt(), scopes})));
            }
        }
        statements.add(tx.preparedQuery(SALES_MONTH).execute(Tuple.of(month,
                order.amount(), scopes)));
        return statements;
    }

    /** Orders of a contact, newest first (privacy export). */
    public Uni<RowSet<Row>> ordersOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select kind, order_id, unit_id, ordered_at, amount, currency, total, skus, campaign_id"
                        + " from order_fact where contact_id = $1 order by ordered_at desc, order_id")
                .execute(Tuple.of(contactId));
    }
}
