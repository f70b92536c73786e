package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Association rules from the basket counts in the caller's scope. The minimum support arrives as a
 * minimum number of baskets, so the pair index narrows the search before anything is computed.
 */
@ApplicationScoped
public class CrossSellRepository {

    public Uni<Integer> baskets(SqlConnection tx) {
        return tx.query("select baskets from basket_count where scope_key = analytics_scope()").execute()
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("baskets"));
    }

    /** Rules by lift, then confidence; {@code sku} (optional) fixes the antecedent. */
    public Uni<RowSet<Row>> rules(SqlConnection tx, int totalBaskets, int minBaskets, BigDecimal minConfidence,
                                  String sku, int limit) {
        return tx.preparedQuery("""
                        select p.sku, p.other_sku, p.baskets, a.baskets as sku_baskets, b.baskets as other_baskets
                        from basket_pair p
                        join basket_item a on a.scope_key = p.scope_key and a.sku = p.sku
                        join basket_item b on b.scope_key = p.scope_key and b.sku = p.other_sku
                        where p.scope_key = analytics_scope() and p.baskets >= $1
                          and p.baskets >= $2::numeric * a.baskets
                          and ($3::text is null or p.sku = $3)
                        order by p.baskets::numeric * $4 / (a.baskets::numeric * b.baskets) desc,
                                 p.baskets::numeric / a.baskets desc, p.sku, p.other_sku
                        limit $5""")
                .execute(Tuple.of(minBaskets, minConfidence, sku, totalBaskets, limit));
    }

    /**
     * SKUs the contact has not bought, each from the rules whose antecedent the contact bought: ranked by
     * the best rule's confidence, then lift, with the antecedents that led to it.
     */
    public Uni<RowSet<Row>> recommendations(SqlConnection tx, UUID contactId, int totalBaskets, int minBaskets,
                                            BigDecimal minConfidence, int limit) {
        return tx.preparedQuery("""
                        with mine as (
                            select sku from customer_product where scope_key = analytics_scope() and contact_id = $1
                        )
                        select p.other_sku as sku, c.name,
                               max(p.baskets::numeric / a.baskets) as confidence,
                               max(p.baskets::numeric * $2 / (a.baskets::numeric * b.baskets)) as lift,
                               array_agg(p.sku order by p.sku) as because_of
                        from basket_pair p
                        join mine on mine.sku = p.sku
                        join basket_item a on a.scope_key = p.scope_key and a.sku = p.sku
                        join basket_item b on b.scope_key = p.scope_key and b.sku = p.other_sku
                        left join product_catalogue c on c.sku = p.other_sku
                        where p.scope_key = analytics_scope() and p.baskets >= $3
                          and p.baskets >= $4::numeric * a.baskets
                          and p.other_sku not in (select sku from mine)
                        group by p.other_sku, c.name
                        order by confidence desc, lift desc, p.other_sku
                        limit $5""")
                .execute(Tuple.of(contactId, totalBaskets, minBaskets, minConfidence, limit));
    }
}
