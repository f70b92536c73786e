package crm.contacts.rest;

import crm.contacts.domain.Purchase;
import crm.contacts.domain.PurchaseChannel;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A recorded purchase as the API shows it; {@code unitId} is the contact's unit, {@code sellingUnitId} the seller. */
public record PurchaseView(UUID id, UUID contactId, String externalOrderId, OffsetDateTime purchasedAt,
                           PurchaseChannel channel, String currency, BigDecimal total, String unitId,
                           String sellingUnitId, String buyerEmail, List<Line> lines, String createdBy,
                           OffsetDateTime createdAt) {

    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    static PurchaseView of(Purchase p) {
        return new PurchaseView(p.id(), p.contactId(), p.externalOrderId(), p.purchasedAt(), p.channel(), p.currency(),
                p.total(), p.unitId(), p.sellingUnitId(), p.buyerEmail(),
                p.lines().stream().map(l -> new Line(l.sku(), l.quantity(), l.unitPrice(), l.lineTotal())).toList(),
                p.createdBy(), p.createdAt());
    }
}
