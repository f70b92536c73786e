package crm.leads.events;

import crm.leads.domain.Product;
import crm.leads.domain.OpportunityPricing;
import crm.platform.events.OutgoingEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@value #PRODUCT_UPSERTED}: the whole current state of a catalogue item after every change, keyed by
 * product id on {@value OpportunityEvents#TOPIC}, so analytics can keep a complete catalogue (and see
 * what is not selling) from the events alone. Brand-wide, so without {@code unitid}.
 */
public final class ProductEvents {

    public static final String PRODUCT_UPSERTED = "crm.product.upserted.v1";

    private ProductEvents() {
    }

    /** Adds {@code version} to the catalogue's payload. */
    public record ProductUpserted(UUID productId, String sku, String name, String category, String kind,
                                  BigDecimal listPrice, String currency, boolean active, OffsetDateTime updatedAt,
                                  int version) {
    }

    public static OutgoingEvent upserted(String tenantId, Product p) {
        var d = p.details();
        return new OutgoingEvent(OpportunityEvents.TOPIC, PRODUCT_UPSERTED, p.id().toString(), tenantId, null,
                new ProductUpserted(p.id(), d.sku(), d.name(), d.category(), d.kind().value(),
                        OpportunityPricing.money(d.listPrice()), d.currency(), d.active(), p.updatedAt(), p.version()));
    }
}
