package crm.analytics.repository;

import crm.analytics.domain.SalesDeltas;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Basket counts for association rules: one basket per order, each distinct SKU once, each ordered pair of
 * distinct SKUs once (both directions), summed over a batch of orders ({@link SalesDeltas}).
 */
@ApplicationScoped
public class BasketRepository {

    private static final String BASKETS = """
            insert into basket_count (unit_id, baskets)
            select * from unnest($1::text[], $2::int[]) as r(unit_id, baskets) order by coalesce(r.unit_id, '')
            on conflict (tenant_id, scope_key) do update set baskets = basket_count.baskets + excluded.baskets""";

    private static final String ITEMS = """
            insert into basket_item (unit_id, sku, baskets)
            select * from unnest($1::text[], $2::text[], $3::int[]) as r(unit_id, sku, baskets)
            order by coalesce(r.unit_id, ''), r.sku
            on conflict (tenant_id, scope_key, sku) do update set baskets = basket_item.baskets + excluded.baskets""";

    private static final String PAIRS = """
            insert into basket_pair (unit_id, sku, other_sku, baskets)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as r(unit_id, sku, other_sku, baskets)
            order by coalesce(r.unit_id, ''), r.sku, r.other_sku
            on conflict (tenant_id, scope_key, sku, other_sku) do update
            set baskets = basket_pair.baskets + excluded.baskets""";

    /** The statements that add the baskets of booked orders, one per table; the caller runs them together. */
    public List<Uni<?>> addAll(SqlConnection tx, SalesDeltas deltas) {
        List<Uni<?>> statements = new ArrayList<>();
        List<SalesDeltas.Row> baskets = deltas.basketCount();
        if (!baskets.isEmpty()) {
            statements.add(tx.preparedQuery(BASKETS).execute(Tuple.of(
                    Statements.column(baskets, 0, String[]::new), Statements.counts(baskets))));
        }
        List<SalesDeltas.Row> items = deltas.basketItem();
        if (!items.isEmpty()) {
            statements.add(tx.preparedQuery(ITEMS).execute(Tuple.of(Statements.column(items, 0, String[]::new),
                    Statements.column(items, 1, String[]::new), Statements.counts(items))));
        }
        List<SalesDeltas.Row> pairs = deltas.basketPair();
        if (!pairs.isEmpty()) {
            statements.add(tx.preparedQuery(PAIRS).execute(Tuple.of(Statements.column(pairs, 0, String[]::new),
                    Statements.column(pairs, 1, String[]::new), Statements.column(pairs, 2, String[]::new),
                    Statements.counts(pairs))));
        }
        return statements;
    }
}
