package crm.contacts.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order a customer placed, as a shop or point-of-sale system reported it; recorded once per external order id. */
public record Purchase(UUID id, String unitId, String sellingUnitId, UUID contactId, String externalOrderId,
                       OffsetDateTime purchasedAt, PurchaseChannel channel, String currency, BigDecimal total,
                       String buyerEmail, List<Line> lines, String createdBy, OffsetDateTime createdAt) {

    public Purchase {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One position of the order; {@code lineTotal} is quantity times unit price. */
    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }
}
