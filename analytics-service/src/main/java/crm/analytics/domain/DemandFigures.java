package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The demand reports: sales per SKU and period, top and slow sellers, requested services. */
public final class DemandFigures {

    private DemandFigures() {
    }

    /** One SKU in one period, with the change against the period before (null when it did not sell then). */
    public record ProductPeriod(String sku, String name, LocalDate periodStart, BigDecimal units, BigDecimal revenue,
                                int orders, BigDecimal previousUnits, BigDecimal previousRevenue,
                                BigDecimal unitsChange, BigDecimal revenueChange) {
    }

    public record ProductPeriods(String period, LocalDate from, LocalDate to, String currency,
                                 List<ProductPeriod> items, String nextCursor) {
    }

    public record ProductSales(int rank, String sku, String name, String category, String kind, BigDecimal units,
                               BigDecimal revenue, int orders) {
    }

    public record TopSellers(LocalDate from, LocalDate to, String by, String currency, List<ProductSales> items) {
    }

    /** An active catalogue item and how it sold in the window; {@code neverSold} when it never sold at all. */
    public record SlowSeller(String sku, String name, String category, String kind, BigDecimal units,
                             BigDecimal revenue, BigDecimal unitsPerDay, OffsetDateTime lastSoldAt, boolean neverSold) {
    }

    public record SlowSellers(LocalDate asOf, int days, LocalDate from, String currency, List<SlowSeller> items) {
    }

    public record CategoryDemand(String category, int tickets) {
    }

    public record ServiceDemand(LocalDate from, LocalDate to, String currency, List<CategoryDemand> ticketCategories,
                                List<ProductSales> servicePurchases) {
    }
}
