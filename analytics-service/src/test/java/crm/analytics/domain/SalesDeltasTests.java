package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SalesDeltasTests {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final OffsetDateTime MARCH_3 = OffsetDateTime.parse("2026-03-03T10:00:00Z");
    private static final OffsetDateTime MARCH_20 = OffsetDateTime.parse("2026-03-20T09:00:00Z");
    private static final OffsetDateTime APRIL_1 = OffsetDateTime.parse("2026-04-01T08:00:00Z");

    @Test
    void shouldSumOrdersOfOneCustomerIntoOneRowPerScope() {
        SalesDeltas deltas = new SalesDeltas()
                .add(order(Order.Kind.PURCHASE, "u1", MARCH_20, "100.00", line("BIKE", "1", "100.00")), 8)
                .add(order(Order.Kind.OPPORTUNITY, "u1", MARCH_3, "40.50", line("LOCK", "2", "40.50")), 8);

        SalesDeltas.Sums brand = sums(deltas.customerValue(), null, ANNA);
        assertThat(brand.revenue()).isEqualByComparingTo("140.50");
        assertThat(brand.purchaseRevenue()).isEqualByComparingTo("100.00");
        assertThat(brand.wonRevenue()).isEqualByComparingTo("40.50");
        assertThat(brand.count()).isEqualTo(2);
        assertThat(brand.first()).isEqualTo(MARCH_3);
        assertThat(brand.last()).isEqualTo(MARCH_20);
        assertThat(sums(deltas.customerValue(), "u1", ANNA).revenue()).isEqualByComparingTo("140.50");
        assertThat(deltas.customerValue()).hasSize(2);
        assertThat(sums(deltas.salesMonth(), "u1", LocalDate.parse("2026-03-01")).count()).isEqualTo(2);
    }

    @Test
    void shouldKeepEachPeriodOfProductSalesApart() {
        SalesDeltas deltas = new SalesDeltas()
                .add(order(Order.Kind.PURCHASE, null, MARCH_3, "200.00", line("BIKE", "2", "200.00")), 8)
                .add(order(Order.Kind.PURCHASE, null, MARCH_20, "100.00", line("BIKE", "1", "100.00")), 8)
                .add(order(Order.Kind.PURCHASE, null, APRIL_1, "100.00", line("BIKE", "1", "100.00")), 8);

        SalesDeltas.Sums march = sums(deltas.productSales(), null, "month", LocalDate.parse("2026-03-01"), "BIKE");
        assertThat(march.units()).isEqualByComparingTo("3");
        assertThat(march.revenue()).isEqualByComparingTo("300.00");
        assertThat(march.count()).isEqualTo(2);
        assertThat(sums(deltas.productSales(), null, "day", LocalDate.parse("2026-03-03"), "BIKE").count()).isEqualTo(1);
        SalesDeltas.Sums total = sums(deltas.productTotals(), null, "BIKE");
        assertThat(total.units()).isEqualByComparingTo("4");
        assertThat(total.first()).isEqualTo(MARCH_3);
        assertThat(total.last()).isEqualTo(APRIL_1);
        // Without a unit, the orders count brand-wide only: 3 days, 3 weeks (ISO), 2 months.
        assertThat(deltas.productSales()).hasSize(8);
    }

    @Test
    void shouldCountEachBasketOncePerItemAndPairInBothDirections() {
        SalesDeltas deltas = new SalesDeltas()
                .add(order(Order.Kind.PURCHASE, null, MARCH_3, "150.00", line("BIKE", "1", "100.00"),
                        line("LOCK", "1", "50.00")), 8)
                .add(order(Order.Kind.PURCHASE, null, MARCH_20, "50.00", line("LOCK", "1", "50.00")), 8)
                .add(order(Order.Kind.PURCHASE, null, APRIL_1, "160.00", line("BIKE", "1", "100.00"),
                        line("LOCK", "1", "50.00"), line("PUMP", "1", "10.00")), 2);

        assertThat(sums(deltas.basketCount(), (Object) null).count()).isEqualTo(3);
        assertThat(sums(deltas.basketItem(), null, "LOCK").count()).isEqualTo(3);
        assertThat(sums(deltas.basketPair(), null, "BIKE", "LOCK").count()).isEqualTo(1);
        assertThat(sums(deltas.basketPair(), null, "LOCK", "BIKE").count()).isEqualTo(1);
        assertThat(deltas.basketPair()).as("the third basket has more SKUs than may be paired").hasSize(2);
    }

    @Test
    void shouldBookAnOrderWithoutCustomerOnlyInTheProductFigures() {
        Order anonymous = order(Order.Kind.PURCHASE, null, MARCH_3, "100.00", line("BIKE", "1", "100.00"))
                .withContact(null);

        SalesDeltas deltas = new SalesDeltas().add(anonymous, 8);

        assertThat(deltas.customerValue()).isEmpty();
        assertThat(deltas.customerProduct()).isEmpty();
        assertThat(deltas.productTotals()).hasSize(1);
        assertThat(deltas.isEmpty()).isFalse();
        assertThat(new SalesDeltas().isEmpty()).isTrue();
    }

    private static Order order(Order.Kind kind, String unit, OffsetDateTime at, String amount, Order.Line... lines) {
        return new Order(kind, UUID.randomUUID(), ANNA, unit, at, new BigDecimal(amount), "EUR", new BigDecimal(amount),
                null, null, Order.bySku(List.of(lines)));
    }

    private static Order.Line line(String sku, String units, String revenue) {
        return new Order.Line(sku, new BigDecimal(units), new BigDecimal(revenue));
    }

    private static SalesDeltas.Sums sums(List<SalesDeltas.Row> rows, Object... key) {
        List<Object> wanted = Arrays.asList(key);
        return rows.stream().filter(r -> r.key().equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + wanted + " in " + rows)).sums();
    }
}
