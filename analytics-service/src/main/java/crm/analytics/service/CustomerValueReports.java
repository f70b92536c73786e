package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.domain.ClvEstimate;
import crm.analytics.domain.CustomerFigures.CustomerValue;
import crm.analytics.domain.CustomerFigures.Rfm;
import crm.analytics.domain.CustomerFigures.SegmentFigure;
import crm.analytics.domain.CustomerFigures.SegmentSummary;
import crm.analytics.domain.CustomerFigures.TopCustomer;
import crm.analytics.domain.CustomerFigures.TopCustomers;
import crm.analytics.domain.Ratio;
import crm.analytics.repository.CustomerReportRepository;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customer value, top customers and RFM segments in the caller's scope. */
@ApplicationScoped
public class CustomerValueReports {

    /** Every named segment, in the order reports list them. */
    public static final List<String> SEGMENTS = List.of("champions", "loyal", "potential_loyalists", "new", "at_risk",
            "hibernating", "lost");

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final CustomerReportRepository customers;
    private final ReportingCurrency currency;
    private final AnalyticsConfig config;

    public CustomerValueReports(TenantScope scope, CurrentTenant currentTenant, CustomerReportRepository customers,
                                ReportingCurrency currency, AnalyticsConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.customers = customers;
        this.currency = currency;
        this.config = config;
    }

    /** 404 for a contact the caller cannot see (another tenant, or another unit's customer). */
    public Uni<CustomerValue> valueOf(UUID contactId) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> customers.isVisible(tx, contactId).flatMap(visible -> {
            if (!visible) {
                throw ProblemException.notFound("Customer " + contactId);
            }
            return customers.value(tx, contactId);
        })).map(row -> row.map(this::value).orElseGet(() -> new CustomerValue(contactId, context.unitId(),
                currency.code(), money(null), money(null), money(null), 0, null, null, null, money(null),
                new Rfm(null, null, null, null))));
    }

    public Uni<TopCustomers> top(int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> customers.top(tx, limit)).map(rows -> {
            List<TopCustomer> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(new TopCustomer(items.size() + 1, r.getUUID("contact_id"), r.getString("first_name"),
                        r.getString("last_name"), money(r.getBigDecimal("revenue")), r.getInteger("orders"),
                        r.getOffsetDateTime("last_order_at"), clv(r), r.getString("segment")));
            }
            return new TopCustomers(currency.code(), items);
        });
    }

    /** As of the last scoring run ({@code scoredAt}); every segment is listed, empty ones with zeros. */
    public Uni<SegmentSummary> segments() {
        return scope.inTransaction(currentTenant.get(), customers::segments).map(rows -> {
            Map<String, Row> bySegment = new LinkedHashMap<>();
            OffsetDateTime scoredAt = null;
            int total = 0;
            for (Row r : rows) {
                bySegment.put(r.getString("segment"), r);
                total += r.getInteger("customers");
                OffsetDateTime at = r.getOffsetDateTime("scored_at");
                scoredAt = scoredAt == null || at.isAfter(scoredAt) ? at : scoredAt;
            }
            List<SegmentFigure> figures = new ArrayList<>();
            for (String segment : SEGMENTS) {
                Row r = bySegment.get(segment);
                int count = r == null ? 0 : r.getInteger("customers");
                BigDecimal revenue = money(r == null ? null : r.getBigDecimal("revenue"));
                figures.add(new SegmentFigure(segment, count, Ratio.of(count, total), revenue,
                        count == 0 ? null : revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN)));
            }
            return new SegmentSummary(currency.code(), total, scoredAt, figures);
        });
    }

    private CustomerValue value(Row r) {
        int orders = r.getInteger("orders");
        BigDecimal revenue = money(r.getBigDecimal("revenue"));
        return new CustomerValue(r.getUUID("contact_id"), r.getString("unit_id"), currency.code(), revenue,
                money(r.getBigDecimal("purchase_revenue")), money(r.getBigDecimal("won_revenue")), orders,
                orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN),
                r.getOffsetDateTime("first_order_at"), r.getOffsetDateTime("last_order_at"), clv(r),
                new Rfm(score(r, "r_score"), score(r, "f_score"), score(r, "m_score"), r.getString("segment")));
    }

    private BigDecimal clv(Row r) {
        return ClvEstimate.of(r.getBigDecimal("revenue"), r.getInteger("orders"), r.getOffsetDateTime("first_order_at"),
                r.getOffsetDateTime("last_order_at"), config.scoring().expectedLifetimeYears());
    }

    private static Integer score(Row r, String column) {
        Short value = r.getShort(column);
        return value == null ? null : value.intValue();
    }

    static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
