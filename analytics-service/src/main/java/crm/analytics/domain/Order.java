package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An order as analytics books it: a purchase or a won opportunity, its money already in the reporting
 * currency. {@code lines} hold one entry per SKU (repeated SKUs of the source are added up), sorted by SKU
 * so that every transaction locks aggregate rows in the same order.
 */
public record Order(Kind kind, UUID orderId, UUID contactId, String unitId, OffsetDateTime orderedAt,
                    BigDecimal amount, String currency, BigDecimal total, UUID campaignId, UUID leadId,
                    List<Line> lines) {

    public enum Kind {
        PURCHASE("purchase"),
        OPPORTUNITY("opportunity");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** Units and revenue (reporting currency) of one SKU in the order. */
    public record Line(String sku, BigDecimal units, BigDecimal revenue) {
    }

    public Order {
        lines = List.copyOf(lines);
    }

    /** Adds up lines of the same SKU and sorts them by SKU. */
    public static List<Line> bySku(Collection<Line> lines) {
        Map<String, Line> merged = new TreeMap<>();
        for (Line line : lines) {
            merged.merge(line.sku(), line, (a, b) -> new Line(a.sku(), a.units().add(b.units()),
                    a.revenue().add(b.revenue())));
        }
        return new ArrayList<>(merged.values());
    }

    public Order withContact(UUID contact) {
        return new Order(kind, orderId, contact, unitId, orderedAt, amount, currency, total, campaignId, leadId, lines);
    }

    public List<String> skus() {
        return lines.stream().map(Line::sku).toList();
    }
}
