package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Basket counts for association rules: one basket per order, each distinct SKU once, each ordered pair of
 * distinct SKUs once (both directions).
 */
@ApplicationScoped
public class BasketRepository {

    private static final String BASKETS = """
            insert into basket_count (unit_id, baskets)
            select s.unit_id, 1 from unnest($1::text[]) with ordinality as s(unit_id, position) order by s.position
            on conflict (tenant_id, scope_key) do update set baskets = basket_count.baskets + 1""";

    private static final String ITEMS = """
            insert into basket_item (unit_id, sku, baskets)
            select s.unit_id, i.sku, 1
            from unnest($1::text[]) as i(sku)
            cross join unnest($2::text[]) with ordinality as s(unit_id, position)
            order by s.position, i.sku
            on conflict (tenant_id, scope_key, sku) do update set baskets = basket_item.baskets + 1""";

    private static final String PAIRS = """
            insert into basket_pair (unit_id, sku, other_sku, baskets)
            select s.unit_id, p.sku, p.other_sku, 1
            from unnest($1::text[], $2::text[]) as p(sku, other_sku)
            cross join unnest($3::text[]) with ordinality as s(unit_id, position)
            order by s.position, p.sku, p.other_sku
            on conflict (tenant_id, scope_key, sku, other_sku) do update set baskets = basket_pair.baskets + 1""";

    /**
     * The statements that count one basket of {@code skus} (distinct, sorted). A basket with more than
     * {@code maxPairedItems} SKUs adds no pairs: their number grows with the square of its size.
     */
    public List<Uni<?>> addBasket(SqlConnection tx, String unitId, List<String> skus, int maxPairedItems) {
        List<Uni<?>> statements = new ArrayList<>();
        if (skus.isEmpty()) {
            return statements;
        }
        String[] scopes = Scopes.of(unitId);
        statements.add(tx.preparedQuery(BASKETS).execute(Tuple.of(scopes)));
        statements.add(tx.preparedQuery(ITEMS).execute(Tuple.of(skus.toArray(String[]::new), scopes)));
        if (skus.size() >= 2 && skus.size() <= maxPairedItems) {
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            for (String a : skus) {
                for (String b : skus) {
                    if (!a.equals(b)) {
                        left.add(a);
                        right.add(b);
                    }
                }
            }
            statements.add(tx.preparedQuery(PAIRS).execute(Tuple.of(left.toArray(String[]::new),
                    right.toArray(String[]::new), scopes)));
        }
        return statements;
    }
}
