package crm.leads.domain;

import java.math.BigDecimal;

/** Everything about a catalogue item that HQ may set, normalised (SKU and texts stripped, price with two decimals). */
public record ProductDetails(String sku, String name, String category, ProductKind kind, BigDecimal listPrice,
                             String currency, boolean active) {
}
