package crm.contacts.events;

import crm.contacts.domain.Purchase;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Purchases, published to {@value ContactEvents#TOPIC} keyed by contact id; the unit is the selling unit. */
public final class PurchaseEvents {

    public static final String PURCHASE_RECORDED = "crm.purchase.recorded.v1";

    private PurchaseEvents() {
    }

    public record PurchaseRecorded(UUID purchaseId, UUID contactId, String externalOrderId, OffsetDateTime purchasedAt,
                                   String channel, String currency, BigDecimal total, String sellingUnitId,
                                   List<Line> lines) {
    }

    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public static OutgoingEvent recorded(TenantContext context, Purchase p) {
        String unit = p.sellingUnitId() != null ? p.sellingUnitId() : p.unitId();
        return OutgoingEvent.of(ContactEvents.TOPIC, PURCHASE_RECORDED, p.contactId().toString(), context, unit,
                new PurchaseRecorded(p.id(), p.contactId(), p.externalOrderId(), p.purchasedAt(), p.channel().value(),
                        p.currency(), p.total(), unit, p.lines().stream()
                        .map(l -> new Line(l.sku(), l.quantity(), l.unitPrice(), l.lineTotal())).toList()));
    }
}
