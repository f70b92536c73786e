package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What booked orders add to the sales and basket aggregates, summed per aggregate row, so that a batch of
 * orders writes each row once instead of once per order. Every change is an addition, a least or a
 * greatest, so the sums do not depend on the order in which the orders were added. Each order counts in
 * its scopes: brand-wide (unit null) and its unit's, when it has one.
 */
public final class SalesDeltas {

    /** The sums of one aggregate row; each table takes the fields it has. */
    public static final class Sums {
        private BigDecimal units = BigDecimal.ZERO;
        private BigDecimal revenue = BigDecimal.ZERO;
        private BigDecimal purchaseRevenue = BigDecimal.ZERO;
        private BigDecimal wonRevenue = BigDecimal.ZERO;
        private int count;
        private OffsetDateTime first;
        private OffsetDateTime last;

        private Sums add(BigDecimal addedUnits, BigDecimal addedRevenue, OffsetDateTime at) {
            units = units.add(addedUnits);
            revenue = revenue.add(addedRevenue);
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            return this;
        }

        public BigDecimal units() {
            return units;
        }

        public BigDecimal revenue() {
            return revenue;
        }

        public BigDecimal purchaseRevenue() {
            return purchaseRevenue;
        }

        public BigDecimal wonRevenue() {
            return wonRevenue;
        }

        /** Orders (or baskets) that touched the row. */
        public int count() {
            return count;
        }

        public OffsetDateTime first() {
            return first;
        }

        public OffsetDateTime last() {
            return last;
        }
    }

    /** An aggregate row's key columns, in the table's order, and its sums. */
    public record Row(List<Object> key, Sums sums) {
    }

    private final Map<List<Object>, Sums> productSales = new HashMap<>();
    private final Map<List<Object>, Sums> productTotals = new HashMap<>();
    private final Map<List<Object>, Sums> customerValue = new HashMap<>();
    private final Map<List<Object>, Sums> customerProduct = new HashMap<>();
    private final Map<List<Object>, Sums> salesMonth = new HashMap<>();
    private final Map<List<Object>, Sums> basketCount = new HashMap<>();
    private final Map<List<Object>, Sums> basketItem = new HashMap<>();
    private final Map<List<Object>, Sums> basketPair = new HashMap<>();

    /**
     * Adds a booked order. Its basket adds no pairs when it has more than {@code maxPairedItems} SKUs: their
     * number grows with the square of its size.
     */
    public SalesDeltas add(Order order, int maxPairedItems) {
        OffsetDateTime at = order.orderedAt();
        UUID contact = order.contactId();
        List<String> skus = order.skus();
        for (String unit : Deltas.scopesOf(order.unitId())) {
            for (Order.Line line : order.lines()) {
                for (CalendarPeriod period : CalendarPeriod.values()) {
                    sums(productSales, unit, period.value(), period.startOf(at), line.sku())
                            .add(line.units(), line.revenue(), at);
                }
                sums(productTotals, unit, line.sku()).add(line.units(), line.revenue(), at);
                if (contact != null) {
                    sums(customerProduct, unit, contact, line.sku()).add(line.units(), line.revenue(), at);
                }
            }
            if (contact != null) {
                Sums value = sums(customerValue, unit, contact).add(BigDecimal.ZERO, order.amount(), at);
                if (order.kind() == Order.Kind.PURCHASE) {
                    value.purchaseRevenue = value.purchaseRevenue.add(order.amount());
                } else {
                    value.wonRevenue = value.wonRevenue.add(order.amount());
                }
            }
            sums(salesMonth, unit, CalendarPeriod.MONTH.startOf(at)).add(BigDecimal.ZERO, order.amount(), at);
            if (!skus.isEmpty()) {
                addBasket(unit, skus, maxPairedItems, at);
            }
        }
        return this;
    }

    private void addBasket(String unit, List<String> skus, int maxPairedItems, OffsetDateTime at) {
        sums(basketCount, unit).add(BigDecimal.ZERO, BigDecimal.ZERO, at);
        for (String sku : skus) {
            sums(basketItem, unit, sku).add(BigDecimal.ZERO, BigDecimal.ZERO, at);
        }
        if (skus.size() >= 2 && skus.size() <= maxPairedItems) {
            for (String a : skus) {
                for (String b : skus) {
                    if (!a.equals(b)) {
                        sums(basketPair, unit, a, b).add(BigDecimal.ZERO, BigDecimal.ZERO, at);
                    }
                }
            }
        }
    }

    public boolean isEmpty() {
        return salesMonth.isEmpty();
    }

    /** Keys: unit, period, period start, SKU. */
    public List<Row> productSales() {
        return rows(productSales);
    }

    /** Keys: unit, SKU; first and last are the first and last sale. */
    public List<Row> productTotals() {
        return rows(productTotals);
    }

    /** Keys: unit, contact; first and last are the first and last order. */
    public List<Row> customerValue() {
        return rows(customerValue);
    }

    /** Keys: unit, contact, SKU; units are the quantity. */
    public List<Row> customerProduct() {
        return rows(customerProduct);
    }

    /** Keys: unit, month. */
    public List<Row> salesMonth() {
        return rows(salesMonth);
    }

    /** Keys: unit; count is the baskets. */
    public List<Row> basketCount() {
        return rows(basketCount);
    }

    /** Keys: unit, SKU; count is the baskets. */
    public List<Row> basketItem() {
        return rows(basketItem);
    }

    /** Keys: unit, SKU, other SKU; count is the baskets holding both. */
    public List<Row> basketPair() {
        return rows(basketPair);
    }

    private static Sums sums(Map<List<Object>, Sums> table, Object... key) {
        return table.computeIfAbsent(Arrays.asList(key), k -> new Sums());
    }

    private static List<Row> rows(Map<List<Object>, Sums> table) {
        List<Row> rows = new ArrayList<>(table.size());
        table.forEach((key, sums) -> rows.add(new Row(key, sums)));
        return rows;
    }
}
