package crm.leads.rest;

import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.Product;
import crm.leads.domain.ProductKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A catalogue item as the API shows it. */
public record ProductView(UUID id, String sku, String name, String category, ProductKind kind, BigDecimal listPrice,
                          String currency, boolean active, int version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {

    static ProductView of(Product p) {
        var d = p.details();
        return new ProductView(p.id(), d.sku(), d.name(), d.category(), d.kind(), OpportunityPricing.money(d.listPrice()),
                d.currency(), d.active(), p.version(), p.createdAt(), p.updatedAt());
    }
}
