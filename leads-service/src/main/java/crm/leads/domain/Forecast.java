package crm.leads.domain;

import java.time.YearMonth;
import java.util.List;

/** A weighted sales forecast over the expected-close months {@code from} to {@code to}, with totals per currency. */
public record Forecast(ForecastGrouping by, YearMonth from, YearMonth to, List<ForecastLine> lines,
                       List<ForecastLine> totals) {
}
