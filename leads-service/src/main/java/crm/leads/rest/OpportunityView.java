package crm.leads.rest;

import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.OpportunityStatus;
import crm.leads.domain.ProductKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An opportunity as the API shows it. */
public record OpportunityView(UUID id, String unitId, UUID leadId, UUID contactId, UUID companyId, UUID campaignId,
                              String name, String stage, int probability, OpportunityStatus status, BigDecimal amount,
                              String currency, LocalDate expectedCloseOn, String ownerId, List<LineView> lines,
                              String lostReason, OffsetDateTime closedAt, int version, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt) {

    /** A priced line item. */
    public record LineView(UUID productId, String sku, String name, ProductKind kind, BigDecimal quantity,
                           BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal lineTotal) {

        static LineView of(OpportunityLine l) {
            return new LineView(l.productId(), l.sku(), l.name(), l.kind(), l.quantity(),
                    OpportunityPricing.money(l.unitPrice()), l.discountPercent(), OpportunityPricing.money(l.lineTotal()));
        }
    }

    static OpportunityView of(Opportunity o) {
        var d = o.details();
        return new OpportunityView(o.id(), o.unitId(), o.leadId(), d.contactId(), d.companyId(), d.campaignId(), d.name(),
                o.stage(), o.probability(), o.status(), OpportunityPricing.money(d.amount()), d.currency(),
                d.expectedCloseOn(), d.ownerId(), d.lines().stream().map(LineView::of).toList(), o.lostReason(),
                o.closedAt(), o.version(), o.createdAt(), o.updatedAt());
    }
}
