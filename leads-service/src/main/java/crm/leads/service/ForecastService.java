package crm.leads.service;

import crm.leads.config.SalesConfig;
import crm.leads.domain.Forecast;
import crm.leads.domain.ForecastCalculator;
import crm.leads.domain.ForecastGrouping;
import crm.leads.repository.ForecastRepository;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The weighted sales forecast over the opportunities the caller can see (a franchisee's its unit's, HQ
 * the whole brand's): open deals at their stage's probability, won deals at 100 %, by the month they
 * are expected to close (or were won in), grouped by month, unit or owner.
 */
@ApplicationScoped
public class ForecastService {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ForecastRepository forecasts;
    private final SalesConfig config;

    public ForecastService(TenantScope scope, CurrentTenant currentTenant, ForecastRepository forecasts,
                           SalesConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.forecasts = forecasts;
        this.config = config;
    }

    /** {@code from} defaults to this month, {@code to} to eleven months later: a rolling year. */
    public Uni<Forecast> forecast(String by, String fromMonth, String toMonth) {
        ForecastGrouping grouping;
        try {
            grouping = by == null || by.isBlank() ? ForecastGrouping.MONTH : ForecastGrouping.parse(by.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("by", e.getMessage());
        }
        YearMonth requestedFrom = SalesInputs.month("from", fromMonth);
        YearMonth from = requestedFrom == null ? YearMonth.now(ZoneOffset.UTC) : requestedFrom;
        YearMonth requestedTo = SalesInputs.month("to", toMonth);
        YearMonth to = requestedTo == null ? from.plusMonths(11) : requestedTo;
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.MONTHS.between(from, to) + 1 > config.forecastMaxMonths()) {
            throw ProblemException.badRequest("to", "a forecast covers at most " + config.forecastMaxMonths() + " months");
        }
        return scope.inTransaction(currentTenant.get(),
                        tx -> forecasts.buckets(tx, grouping, from.atDay(1), to.plusMonths(1).atDay(1)))
                .map(buckets -> ForecastCalculator.calculate(grouping, from, to, buckets, config.defaultCurrency()));
    }
}
