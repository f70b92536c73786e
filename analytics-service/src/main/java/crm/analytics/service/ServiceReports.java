package crm.analytics.service;

import crm.analytics.domain.Histogram;
import crm.analytics.domain.Ratio;
import crm.analytics.domain.ServiceFigures.BacklogEntry;
import crm.analytics.domain.ServiceFigures.Minutes;
import crm.analytics.domain.ServiceFigures.Satisfaction;
import crm.analytics.domain.ServiceFigures.ServiceReport;
import crm.analytics.repository.ServiceReportRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Ticket figures over whole months, and the backlog now. */
@ApplicationScoped
public class ServiceReports {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ServiceReportRepository service;

    public ServiceReports(TenantScope scope, CurrentTenant currentTenant, ServiceReportRepository service) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.service = service;
    }

    public Uni<ServiceReport> report(YearMonth from, YearMonth to) {
        return scope.inTransaction(currentTenant.get(), tx -> Uni.combine().all().unis(
                        service.months(tx, from.atDay(1), to.atDay(1)), service.minutes(tx, from.atDay(1), to.atDay(1)),
                        service.backlog(tx)).asTuple())
                .map(t -> build(from, to, t.getItem1().iterator().next(), t.getItem2(), t.getItem3()));
    }

    private static ServiceReport build(YearMonth from, YearMonth to, Row months, RowSet<Row> minutes,
                                       RowSet<Row> backlogRows) {
        Histogram firstResponse = new Histogram();
        Histogram resolution = new Histogram();
        for (Row r : minutes) {
            Histogram target = "first_response".equals(r.getString("metric")) ? firstResponse : resolution;
            target.add(r.getInteger("minutes"), r.getInteger("tickets"));
        }
        List<BacklogEntry> backlog = new ArrayList<>();
        int open = 0;
        for (Row r : backlogRows) {
            String queue = r.getString("queue_key");
            backlog.add(new BacklogEntry(r.getString("unit_id"), queue.isEmpty() ? null : UUID.fromString(queue),
                    r.getString("queue_name"), r.getInteger("open")));
            open += r.getInteger("open");
        }
        int ratings = orZero(months.getInteger("ratings"));
        return new ServiceReport(from, to, orZero(months.getInteger("opened")), orZero(months.getInteger("resolved")),
                minutes(firstResponse), minutes(resolution),
                Ratio.of(orZero(months.getInteger("first_response_met")),
                        orZero(months.getInteger("first_response_measured"))),
                Ratio.of(orZero(months.getInteger("resolution_met")), orZero(months.getInteger("resolution_measured"))),
                new Satisfaction(Ratio.of(orZero(months.getInteger("rating_sum")), ratings), ratings), open, backlog);
    }

    private static Minutes minutes(Histogram histogram) {
        return new Minutes(histogram.percentile(0.5), histogram.percentile(0.9), histogram.total());
    }

    private static int orZero(Integer value) {
        return Objects.requireNonNullElse(value, 0);
    }
}
