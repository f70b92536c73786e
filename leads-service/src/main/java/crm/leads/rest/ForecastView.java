package crm.leads.rest;

import crm.leads.domain.Forecast;
import crm.leads.domain.ForecastLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * A weighted forecast: one line per group ({@code key} is the month {@code 2026-03}, the unit id or the
 * owner id; null for opportunities without unit or owner) and currency, plus totals per currency.
 */
public record ForecastView(String by, String from, String to, List<LineView> lines, List<LineView> totals) {

    /** Figures of one group in one currency; {@code forecast} = {@code weightedAmount} + {@code wonAmount}. */
    public record LineView(String key, String currency, long openCount, BigDecimal openAmount,
                           BigDecimal weightedAmount, long wonCount, BigDecimal wonAmount, BigDecimal forecast) {

        static LineView of(ForecastLine l) {
            return new LineView(l.key(), l.currency(), l.openCount(), l.openAmount(), l.weightedAmount(), l.wonCount(),
                    l.wonAmount(), l.forecast());
        }
    }

    static ForecastView of(Forecast f) {
        return new ForecastView(f.by().value(), f.from().toString(), f.to().toString(),
                f.lines().stream().map(LineView::of).toList(), f.totals().stream().map(LineView::of).toList());
    }
}
