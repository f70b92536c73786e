package crm.analytics.service;

import crm.analytics.domain.CalendarPeriod;
import crm.analytics.domain.DateSlices;
import crm.analytics.domain.DemandFigures.CategoryDemand;
import crm.analytics.domain.DemandFigures.ProductPeriod;
import crm.analytics.domain.DemandFigures.ProductPeriods;
import crm.analytics.domain.DemandFigures.ProductSales;
import crm.analytics.domain.DemandFigures.ServiceDemand;
import crm.analytics.domain.DemandFigures.SlowSeller;
import crm.analytics.domain.DemandFigures.SlowSellers;
import crm.analytics.domain.DemandFigures.TopSellers;
import crm.analytics.domain.Ratio;
import crm.analytics.repository.DemandReportRepository;
import crm.platform.db.TenantScope;
import crm.platform.paging.Cursor;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Demand: sales per SKU and period with trend, top and slow sellers, most requested services. */
@ApplicationScoped
public class DemandReports {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final DemandReportRepository demand;
    private final ReportingCurrency currency;

    public DemandReports(TenantScope scope, CurrentTenant currentTenant, DemandReportRepository demand,
                         ReportingCurrency currency) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.demand = demand;
        this.currency = currency;
    }

    /** Rows ordered by period, then SKU; keyset pages. A cursor belongs to the granularity it was issued for. */
    public Uni<ProductPeriods> products(CalendarPeriod period, LocalDate from, LocalDate to, String sku,
                                       PageRequest page) {
        page.requireSort(period.value(), CalendarPeriod.DAY.value());
        LocalDate afterStart = page.after() == null ? null : cursorDate(page.after());
        String afterSku = page.after() == null ? null : page.after().id();
        LocalDate first = period.startOf(from);
        return scope.inTransaction(currentTenant.get(), tx -> demand.periods(tx, period, first, to, sku, afterStart,
                afterSku, page.fetchSize())).map(rows -> {
                    List<ProductPeriod> items = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal units = r.getBigDecimal("units");
                        BigDecimal revenue = money(r.getBigDecimal("revenue"));
                        BigDecimal previousUnits = r.getBigDecimal("previous_units");
                        BigDecimal previousRevenue = r.getBigDecimal("previous_revenue");
                        items.add(new ProductPeriod(r.getString("sku"), r.getString("name"),
                                r.getLocalDate("period_start"), units, revenue, r.getInteger("orders"), previousUnits,
                                previousRevenue == null ? null : money(previousRevenue),
                                Ratio.change(units, previousUnits), Ratio.change(revenue, previousRevenue)));
                    }
                    String next = null;
                    if (items.size() > page.limit()) {
                        items = new ArrayList<>(items.subList(0, page.limit()));
                        ProductPeriod last = items.get(items.size() - 1);
                        next = new Cursor(period.value(), last.periodStart().toString(), last.sku()).encode();
                    }
                    return new ProductPeriods(period.value(), first, to, currency.code(), items, next);
                });
    }

    public Uni<TopSellers> topSellers(LocalDate from, LocalDate to, boolean byRevenue, int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> demand.topSellers(tx, DateSlices.of(from, to), byRevenue,
                limit)).map(rows -> new TopSellers(from, to, byRevenue ? "revenue" : "units", currency.code(),
                sales(rows)));
    }

    /** Units per day = units in the window / days. */
    public Uni<SlowSellers> slowSellers(LocalDate asOf, int days, String kind, int limit) {
        LocalDate from = asOf.minusDays(days - 1L);
        return scope.inTransaction(currentTenant.get(), tx -> demand.slowSellers(tx, DateSlices.of(from, asOf), kind,
                limit)).map(rows -> {
                    List<SlowSeller> items = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal units = r.getBigDecimal("units") == null ? BigDecimal.ZERO : r.getBigDecimal("units");
                        items.add(new SlowSeller(r.getString("sku"), r.getString("name"), r.getString("category"),
                                r.getString("kind"), units, money(r.getBigDecimal("revenue")),
                                units.divide(BigDecimal.valueOf(days), Ratio.SCALE, RoundingMode.HALF_EVEN),
                                r.getOffsetDateTime("last_sold_at"), r.getOffsetDateTime("last_sold_at") == null));
                    }
                    return new SlowSellers(asOf, days, from, currency.code(), items);
                });
    }

    /** Ticket categories by tickets opened, and services (catalogue kind "service") by units sold. */
    public Uni<ServiceDemand> services(LocalDate from, LocalDate to, int limit) {
        DateSlices window = DateSlices.of(from, to);
        return scope.inTransaction(currentTenant.get(), tx -> demand.ticketCategories(tx, window, limit)
                .flatMap(categories -> demand.servicePurchases(tx, window, limit).map(services -> {
                    List<CategoryDemand> requested = new ArrayList<>();
                    for (Row r : categories) {
                        requested.add(new CategoryDemand(r.getString("category"), r.getInteger("tickets")));
                    }
                    return new ServiceDemand(from, to, currency.code(), requested, sales(services));
                })));
    }

    private static List<ProductSales> sales(RowSet<Row> rows) {
        List<ProductSales> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(new ProductSales(items.size() + 1, r.getString("sku"), r.getString("name"),
                    r.getString("category"), r.getString("kind"), r.getBigDecimal("units"),
                    money(r.getBigDecimal("revenue")), r.getInteger("orders")));
        }
        return items;
    }

    private static LocalDate cursorDate(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.sortKey());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    private static BigDecimal money(BigDecimal value) {
        return CustomerValueReports.money(value);
    }
}
