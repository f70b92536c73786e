package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The product and service catalogue (crm.product.upserted.v1), keyed by SKU as sales are. */
@ApplicationScoped
public class CatalogueRepository {

    private static final String UPSERT = """
            insert into product_catalogue (sku, product_id, name, category, kind, list_price, currency, active, updated_at)
            values ($1, $2, $3, $4, $5, $6::numeric, $7, $8, $9)
            on conflict (tenant_id, sku) do update
            set product_id = excluded.product_id, name = excluded.name, category = excluded.category,
                kind = excluded.kind, list_price = excluded.list_price, currency = excluded.currency,
                active = excluded.active, updated_at = excluded.updated_at
            where product_catalogue.updated_at is null or excluded.updated_at is null
               or product_catalogue.updated_at <= excluded.updated_at""";

    /**
     * Stores the product under its SKU. A product whose SKU changed leaves its old SKU: the old entry is
     * removed unless a newer event already stored something else there.
     */
    public Uni<Void> upsert(SqlConnection tx, UUID productId, String sku, String name, String category, String kind,
                            BigDecimal listPrice, String currency, boolean active, OffsetDateTime updatedAt) {
        return tx.preparedQuery("delete from product_catalogue where product_id = $1 and sku <> $2"
                        + " and (updated_at is null or $3::timestamptz is null or updated_at <= $3)")
                .execute(Tuple.of(productId, sku, updatedAt))
                .flatMap(ignored -> tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {sku, productId, name,
                        category, kind, listPrice, currency, active, updatedAt})))
                .replaceWithVoid();
    }
}
