package crm.leads.repository;

import crm.leads.domain.Product;
import crm.leads.domain.ProductDetails;
import crm.leads.domain.ProductKind;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the catalogue; like all repositories it never names the tenant (row-level security scopes it). */
@ApplicationScoped
public class ProductRepository {

    private static final String COLUMNS = "id, sku, name, category, kind, list_price, currency, active, version,"
            + " created_by, created_at, updated_at";

    /** Filters of the product list; null means "any". */
    public record ProductQuery(Boolean active, String category, ProductKind kind, String sku,
                               OffsetDateTime updatedSince) {
    }

    /** Inserts unless the SKU is taken in the tenant; empty then. */
    public Uni<Optional<Product>> insert(SqlConnection tx, UUID id, ProductDetails d, String createdBy) {
        return tx.preparedQuery("insert into product (id, sku, name, category, kind, list_price, currency, active,"
                        + " created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " on conflict (tenant_id, sku) do nothing returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, d.sku(), d.name(), d.category(), d.kind().value(), d.listPrice(),
                        d.currency(), d.active(), createdBy}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Uni<Optional<Product>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from product where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Whether another product of the tenant already has {@code sku}. */
    public Uni<Boolean> skuTaken(SqlConnection tx, String sku, UUID except) {
        return tx.preparedQuery("select exists (select 1 from product where sku = $1 and id <> $2)")
                .execute(Tuple.of(sku, except))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<List<Product>> findBySkus(SqlConnection tx, Collection<String> skus) {
        return tx.preparedQuery("select " + COLUMNS + " from product where sku = any($1)")
                .execute(Tuple.of(skus.toArray(String[]::new)))
                .map(ProductRepository::mapAll);
    }

    /** Replaces the settable fields if the row still has {@code expectedVersion}; empty if it has not. */
    public Uni<Optional<Product>> update(SqlConnection tx, UUID id, int expectedVersion, ProductDetails d) {
        return tx.preparedQuery("update product set sku = $3, name = $4, category = $5, kind = $6, list_price = $7,"
                        + " currency = $8, active = $9, version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, d.sku(), d.name(), d.category(), d.kind().value(),
                        d.listPrice(), d.currency(), d.active()}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Keyset page ordered by (updated_at, id), so that delta sync and paging agree. */
    public Uni<List<Product>> list(SqlConnection tx, ProductQuery query, PageRequest page) {
        return new KeysetQuery("select " + COLUMNS + " from product where true")
                .and("active = ?", query.active())
                .and("category = ?", query.category())
                .and("kind = ?", query.kind() == null ? null : query.kind().value())
                .and("sku = ?", query.sku())
                .and("updated_at >= ?", query.updatedSince())
                .after(page)
                .fetch(tx, page)
                .map(ProductRepository::mapAll);
    }

    private static List<Product> mapAll(Iterable<Row> rows) {
        List<Product> products = new ArrayList<>();
        rows.forEach(row -> products.add(map(row)));
        return products;
    }

    private static Product map(Row row) {
        ProductDetails details = new ProductDetails(row.getString("sku"), row.getString("name"),
                row.getString("category"), ProductKind.of(row.getString("kind")), row.getBigDecimal("list_price"),
                row.getString("currency"), row.getBoolean("active"));
        return new Product(row.getUUID("id"), details, row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
