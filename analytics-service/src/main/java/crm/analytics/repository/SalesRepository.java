package crm.analytics.repository;

import crm.analytics.domain.Order;
import crm.analytics.domain.SalesDeltas;
import crm.analytics.domain.SalesDeltas.Sums;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
            select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]::numeric[],
                                 $6::text[]::numeric[], $7::int[])
                     as r(unit_id, period, period_start, sku, units, revenue, orders)
            order by coalesce(r.unit_id, ''), r.period, r.period_start, r.sku
            on conflict (tenant_id, scope_key, period, period_start, sku) do update
            set units = product_sales.units + excluded.units, revenue = product_sales.revenue + excluded.revenue,
                orders = product_sales.orders + excluded.orders""";

    private static final String PRODUCT_TOTALS = """
            insert into product_totals (unit_id, sku, units, revenue, first_sold_at, last_sold_at)
            select * from unnest($1::text[], $2::text[], $3::text[]::numeric[], $4::text[]::numeric[],
                                 $5::timestamptz[], $6::timestamptz[])
                     as r(unit_id, sku, units, revenue, first_at, last_at)
            order by coalesce(r.unit_id, ''), r.sku
            on conflict (tenant_id, scope_key, sku) do update
            set units = product_totals.units + excluded.units, revenue = product_totals.revenue + excluded.revenue,
                first_sold_at = least(product_totals.first_sold_at, excluded.first_sold_at),
                last_sold_at = greatest(product_totals.last_sold_at, excluded.last_sold_at)""";

    private static final String CUSTOMER_VALUE = """
            insert into customer_value (unit_id, contact_id, revenue, purchase_revenue, won_revenue, orders,
                                        first_order_at, last_order_at)
            select * from unnest($1::text[], $2::uuid[], $3::text[]::numeric[], $4::text[]::numeric[],
                                 $5::text[]::numeric[], $6::int[], $7::timestamptz[], $8::timestamptz[])
                     as r(unit_id, contact_id, revenue, purchase_revenue, won_revenue, orders, first_at, last_at)
            order by coalesce(r.unit_id, ''), r.contact_id
            on conflict (tenant_id, scope_key, contact_id) do update
            set revenue = customer_value.revenue + excluded.revenue,
                purchase_revenue = customer_value.purchase_revenue + excluded.purchase_revenue,
                won_revenue = customer_value.won_revenue + excluded.won_revenue,
                orders = customer_value.orders + excluded.orders,
                first_order_at = least(customer_value.first_order_at, excluded.first_order_at),
                last_order_at = greatest(customer_value.last_order_at, excluded.last_order_at)""";

    private static final String CUSTOMER_PRODUCT = """
            insert into customer_product (unit_id, contact_id, sku, quantity, revenue, orders, last_at)
            select * from unnest($1::text[], $2::uuid[], $3::text[], $4::text[]::numeric[], $5::text[]::numeric[],
                                 $6::int[], $7::timestamptz[])
                     as r(unit_id, contact_id, sku, quantity, revenue, orders, last_at)
            order by coalesce(r.unit_id, ''), r.contact_id, r.sku
            on conflict (tenant_id, scope_key, contact_id, sku) do update
            set quantity = customer_product.quantity + excluded.quantity,
                revenue = customer_product.revenue + excluded.revenue,
                orders = customer_product.orders + excluded.orders,
                last_at = greatest(customer_product.last_at, excluded.last_at)""";

    private static final String SALES_MONTH = """
            insert into sales_month (unit_id, month, revenue, orders)
            select * from unnest($1::text[], $2::date[], $3::text[]::numeric[], $4::int[])
                     as r(unit_id, month, revenue, orders)
            order by coalesce(r.unit_id, ''), r.month
            on conflict (tenant_id, scope_key, month) do update
            set revenue = sales_month.revenue + excluded.revenue, orders = sales_month.orders + excluded.orders""";

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

    /**
     * The statements that add booked orders to the sales aggregates, one per table; the caller runs them
     * together. Each statement takes its rows in key order (brand-wide first), so transactions lock
     * aggregate rows in the same order.
     */
    public List<Uni<?>> addAll(SqlConnection tx, SalesDeltas deltas) {
        List<Uni<?>> statements = new ArrayList<>();
        List<SalesDeltas.Row> sales = deltas.productSales();
        if (!sales.isEmpty()) {
            statements.add(tx.preparedQuery(PRODUCT_SALES).execute(Tuple.from(new Object[] {
                    Statements.column(sales, 0, String[]::new), Statements.column(sales, 1, String[]::new),
                    Statements.column(sales, 2, LocalDate[]::new), Statements.column(sales, 3, String[]::new),
                    sums(sales, Sums::units), sums(sales, Sums::revenue), Statements.counts(sales)})));
        }
        List<SalesDeltas.Row> totals = deltas.productTotals();
        if (!totals.isEmpty()) {
            statements.add(tx.preparedQuery(PRODUCT_TOTALS).execute(Tuple.from(new Object[] {
                    Statements.column(totals, 0, String[]::new), Statements.column(totals, 1, String[]::new),
                    sums(totals, Sums::units), sums(totals, Sums::revenue),
                    times(totals, Sums::first), times(totals, Sums::last)})));
        }
        List<SalesDeltas.Row> values = deltas.customerValue();
        if (!values.isEmpty()) {
            statements.add(tx.preparedQuery(CUSTOMER_VALUE).execute(Tuple.from(new Object[] {
                    Statements.column(values, 0, String[]::new), Statements.column(values, 1, UUID[]::new),
                    sums(values, Sums::revenue), sums(values, Sums::purchaseRevenue), sums(values, Sums::wonRevenue),
                    Statements.counts(values), times(values, Sums::first), times(values, Sums::last)})));
        }
        List<SalesDeltas.Row> bought = deltas.customerProduct();
        if (!bought.isEmpty()) {
            statements.add(tx.preparedQuery(CUSTOMER_PRODUCT).execute(Tuple.from(new Object[] {
                    Statements.column(bought, 0, String[]::new), Statements.column(bought, 1, UUID[]::new),
                    Statements.column(bought, 2, String[]::new), sums(bought, Sums::units),
                    sums(bought, Sums::revenue), Statements.counts(bought), times(bought, Sums::last)})));
        }
        List<SalesDeltas.Row> months = deltas.salesMonth();
        if (!months.isEmpty()) {
            statements.add(tx.preparedQuery(SALES_MONTH).execute(Tuple.of(
                    Statements.column(months, 0, String[]::new), Statements.column(months, 1, LocalDate[]::new),
                    sums(months, Sums::revenue), Statements.counts(months))));
        }
        return statements;
    }

    private static String[] sums(List<SalesDeltas.Row> rows, Function<Sums, BigDecimal> field) {
        return Statements.decimals(rows.stream().map(r -> field.apply(r.sums())).toList());
    }

    private static OffsetDateTime[] times(List<SalesDeltas.Row> rows, Function<Sums, OffsetDateTime> field) {
        return rows.stream().map(r -> field.apply(r.sums())).toArray(OffsetDateTime[]::new);
    }

    /** Orders of a contact, newest first (privacy export). */
    public Uni<RowSet<Row>> ordersOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select kind, order_id, unit_id, ordered_at, amount, currency, total, skus, campaign_id"
                        + " from order_fact where contact_id = $1 order by ordered_at desc, order_id")
                .execute(Tuple.of(contactId));
    }
}
