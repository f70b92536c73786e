package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.config.SalesConfig;
import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.Product;
import crm.leads.domain.ProductDetails;
import crm.leads.domain.ProductKind;
import crm.leads.events.ProductEvents;
import crm.leads.repository.ProductRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The brand's catalogue. Every unit reads it; only headquarters' admins and managers change it, and
 * every change publishes the item's whole state as {@code crm.product.upserted.v1}.
 */
@ApplicationScoped
public class ProductService {

    static final String CREATE_OPERATION = "POST /api/v1/products";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Filters of the product list as the API receives them. */
    public record ProductListParams(String active, String category, String kind, String sku, String updatedSince) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ProductRepository products;
    private final Outbox outbox;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;
    private final SalesConfig config;

    public ProductService(TenantScope scope, CurrentTenant currentTenant, ProductRepository products, Outbox outbox,
                          IdempotentRequests idempotency, PatchedRequest patches, SalesConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.products = products;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.patches = patches;
        this.config = config;
    }

    public Uni<StoredResponse> createProduct(@Valid @NotNull NewProduct request, IdempotencyKey key,
                                             Function<Product, StoredResponse> respond) {
        TenantContext context = requireHeadquarters();
        ProductDetails details = toDetails(request);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> products.insert(tx, UUID.randomUUID(), details, context.subject())
                        .map(saved -> saved.orElseThrow(() -> skuTaken(details.sku())))
                        .call(saved -> outbox.append(tx, ProductEvents.upserted(context.tenantId(), saved)))
                        .map(respond)));
    }

    public Uni<Product> findProduct(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> products.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Product>> listProducts(ProductListParams params, PageRequest page) {
        ProductRepository.ProductQuery query = new ProductRepository.ProductQuery(flag("active", params.active()),
                SalesInputs.text("category", params.category(), 100), kind(params.kind()),
                SalesInputs.text("sku", params.sku(), 64), SalesInputs.instant("updatedSince", params.updatedSince()));
        return scope.inTransaction(currentTenant.get(), tx -> products.list(tx, query, page))
                .map(rows -> Page.of(rows, page, p -> new Cursor(p.updatedAt().toString(), p.id().toString())));
    }

    public Uni<Product> replaceProduct(UUID id, ExpectedVersion expected, @Valid @NotNull NewProduct request) {
        return update(id, expected, current -> request);
    }

    public Uni<Product> patchProduct(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        return update(id, expected, current -> patches.apply(toRequest(current.details()), patch, NewProduct.class));
    }

    private Uni<Product> update(UUID id, ExpectedVersion expected, Function<Product, NewProduct> requestFor) {
        TenantContext context = requireHeadquarters();
        return scope.inTransaction(context, tx -> products.findById(tx, id).flatMap(found -> {
            Product current = found.orElseThrow(() -> notFound(id));
            expected.check("Product " + id, current.version());
            ProductDetails next = toDetails(requestFor.apply(current));
            if (next.equals(current.details())) {
                return Uni.createFrom().item(current);
            }
            Uni<Boolean> taken = next.sku().equals(current.details().sku()) ? Uni.createFrom().item(false)
                    : products.skuTaken(tx, next.sku(), id);
            return taken.flatMap(isTaken -> {
                        if (isTaken) {
                            throw skuTaken(next.sku());
                        }
                        return products.update(tx, id, current.version(), next);
                    })
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Product " + id)))
                    .call(updated -> outbox.append(tx, ProductEvents.upserted(context.tenantId(), updated)));
        })).onFailure(ProductService::isUniqueViolation).transform(e -> skuTaken(null));
    }

    /** The catalogue is the brand's: a franchisee's admin or manager reads it like everyone else. */
    private TenantContext requireHeadquarters() {
        TenantContext context = currentTenant.get();
        if (!context.isBrandWide()) {
            throw ProblemException.forbidden("Only headquarters maintains the catalogue");
        }
        return context;
    }

    private ProductDetails toDetails(NewProduct r) {
        return new ProductDetails(r.sku().strip(), r.name().strip(),
                r.category() == null || r.category().isBlank() ? null : r.category().strip(), r.kind(),
                OpportunityPricing.money(r.listPrice()),
                SalesInputs.currency("currency", r.currency(), config.defaultCurrency()),
                r.active() == null || r.active());
    }

    private static NewProduct toRequest(ProductDetails d) {
        return new NewProduct(d.sku(), d.name(), d.category(), d.kind(), d.listPrice(), d.currency(), d.active());
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(field, "must be true or false");
        };
    }

    private static ProductKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "product" -> ProductKind.PRODUCT;
            case "service" -> ProductKind.SERVICE;
            default -> throw ProblemException.badRequest("kind", "must be product or service");
        };
    }

    /** Two concurrent changes to the same SKU: the database's unique constraint decides, the loser gets 409. */
    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    static ProblemException skuTaken(String sku) {
        return new ProblemException(409, "Conflict", (sku == null ? "The SKU" : "SKU " + sku)
                + " is already used by another product of this catalogue",
                List.of(new Problem.FieldError("sku", "is already used by another product")));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Product " + id);
    }
}
