package crm.analytics.service;

import crm.analytics.domain.FunnelFigures.CampaignReturn;
import crm.analytics.domain.FunnelFigures.CampaignReturns;
import crm.analytics.domain.FunnelFigures.Funnel;
import crm.analytics.domain.FunnelFigures.FunnelRow;
import crm.analytics.domain.Histogram;
import crm.analytics.domain.Ratio;
import crm.analytics.repository.FunnelReportRepository;
import crm.analytics.repository.FunnelReportRepository.Dimension;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The lead funnel by channel, campaign, unit or month, and campaign return. */
@ApplicationScoped
public class FunnelReports {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final FunnelReportRepository funnel;
    private final ReportingCurrency currency;

    public FunnelReports(TenantScope scope, CurrentTenant currentTenant, FunnelReportRepository funnel,
                         ReportingCurrency currency) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.funnel = funnel;
        this.currency = currency;
    }

    /** Leads captured from the first day of {@code from} to the end of {@code to} (cohorts by capture month). */
    public Uni<Funnel> funnel(Dimension by, YearMonth from, YearMonth to) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atDay(1);
        return scope.inTransaction(currentTenant.get(), tx -> Uni.combine().all().unis(
                        funnel.counts(tx, by, first, last), funnel.speed(tx, by, first, last),
                        funnel.totals(tx, first, last), funnel.totalSpeed(tx, first, last),
                        by == Dimension.CAMPAIGN ? funnel.campaignNames(tx) : Uni.createFrom().<RowSet<Row>>nullItem())
                .asTuple())
                .map(t -> build(by, first, to.atEndOfMonth(), t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(),
                        t.getItem5()));
    }

    private static Funnel build(Dimension by, LocalDate from, LocalDate to, RowSet<Row> counts, RowSet<Row> speed,
                                RowSet<Row> totals, RowSet<Row> totalSpeed, RowSet<Row> names) {
        Map<String, Histogram> histograms = new HashMap<>();
        for (Row r : speed) {
            histograms.computeIfAbsent(r.getString("key"), k -> new Histogram())
                    .add(r.getInteger("minutes"), r.getInteger("leads"));
        }
        Map<String, String> labels = new HashMap<>();
        if (names != null) {
            for (Row r : names) {
                labels.put(r.getString("key"), r.getString("name"));
            }
        }
        List<FunnelRow> rows = new ArrayList<>();
        for (Row r : counts) {
            String key = r.getString("key");
            String label = by == Dimension.CAMPAIGN ? (key.isEmpty() ? "(no campaign)" : labels.get(key)) : key;
            rows.add(row(key.isEmpty() && by == Dimension.CAMPAIGN ? null : key, label, r, histograms.get(key)));
        }
        Histogram total = new Histogram();
        for (Row r : totalSpeed) {
            total.add(r.getInteger("minutes"), r.getInteger("leads"));
        }
        Row totalRow = totals.iterator().next();
        return new Funnel(by.value(), from, to, rows, row(null, "total", totalRow, total));
    }

    private static FunnelRow row(String key, String label, Row r, Histogram speed) {
        int captured = orZero(r.getInteger("captured"));
        int contacted = orZero(r.getInteger("contacted"));
        int qualified = orZero(r.getInteger("qualified"));
        int converted = orZero(r.getInteger("converted"));
        int breaches = orZero(r.getInteger("sla_breached"));
        return new FunnelRow(key, label, captured, contacted, qualified, converted, orZero(r.getInteger("disqualified")),
                orZero(r.getInteger("nurtured")), Ratio.of(contacted, captured), Ratio.of(qualified, captured),
                Ratio.of(converted, captured), Ratio.of(qualified, contacted), Ratio.of(converted, qualified), breaches,
                Ratio.of(breaches, captured), speed == null ? null : speed.percentile(0.5));
    }

    public Uni<CampaignReturns> campaignReturns(int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> funnel.campaignReturns(tx, limit)).map(rows -> {
            List<CampaignReturn> items = new ArrayList<>();
            for (Row r : rows) {
                BigDecimal won = CustomerValueReports.money(r.getBigDecimal("won_revenue"));
                BigDecimal purchases = CustomerValueReports.money(r.getBigDecimal("purchase_revenue"));
                BigDecimal revenue = won.add(purchases);
                BigDecimal budget = r.getBigDecimal("budget_reporting");
                items.add(new CampaignReturn(r.getUUID("campaign_id"), r.getString("name"), r.getString("channel"),
                        r.getLocalDate("starts_on"), r.getLocalDate("ends_on"),
                        budget == null ? null : CustomerValueReports.money(budget), won,
                        orZero(r.getInteger("won_deals")), purchases, orZero(r.getInteger("purchases")), revenue,
                        budget == null ? null : Ratio.of(revenue.subtract(budget), budget),
                        orZero(r.getInteger("captured")), orZero(r.getInteger("converted"))));
            }
            return new CampaignReturns(currency.code(), items);
        });
    }

    private static int orZero(Integer value) {
        return Objects.requireNonNullElse(value, 0);
    }
}
