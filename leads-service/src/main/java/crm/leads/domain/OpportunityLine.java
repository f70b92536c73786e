package crm.leads.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line item of an opportunity: a catalogue item (its SKU, name and kind as they were when the line was
 * priced), the quantity, the agreed unit price, the discount in percent and the resulting line total.
 */
public record OpportunityLine(UUID productId, String sku, String name, ProductKind kind, BigDecimal quantity,
                              BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal lineTotal) {
}
