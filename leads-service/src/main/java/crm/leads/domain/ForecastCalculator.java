package crm.leads.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns added-up opportunities into forecast lines. The weighted value of open deals is the exact sum of
 * amount x probability / 100, rounded half up to the cent once per line (and once per total), so a
 * total is never off by the rounding of its lines. Lost deals are not part of any bucket (0 %).
 * Monthly forecasts list every month of the range, empty ones with zeros, so charts have no gaps.
 */
public final class ForecastCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ForecastCalculator() {
    }

    public static Forecast calculate(ForecastGrouping by, YearMonth from, YearMonth to, List<ForecastBucket> buckets,
                                     String defaultCurrency) {
        Map<LineKey, Sums> lines = new LinkedHashMap<>();
        Map<String, Sums> totals = new LinkedHashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (ForecastBucket bucket : buckets) {
            currencies.add(bucket.currency());
            lines.computeIfAbsent(new LineKey(bucket.key(), bucket.currency()), k -> new Sums()).add(bucket);
            totals.computeIfAbsent(bucket.currency(), k -> new Sums()).add(bucket);
        }
        if (by == ForecastGrouping.MONTH) {
            if (currencies.isEmpty()) {
                currencies.add(defaultCurrency);
            }
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                for (String currency : currencies) {
                    lines.computeIfAbsent(new LineKey(month.toString(), currency), k -> new Sums());
                }
            }
        }
        List<ForecastLine> rows = lines.entrySet().stream()
                .map(e -> e.getValue().line(e.getKey().key(), e.getKey().currency()))
                .sorted(Comparator.comparing(ForecastLine::key, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ForecastLine::currency))
                .toList();
        List<ForecastLine> sums = new ArrayList<>();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sums.add(e.getValue().line(null, e.getKey())));
        return new Forecast(by, from, to, rows, sums);
    }

    /** The weighted value of an open amount at a probability, exact (not yet rounded). */
    static BigDecimal weighted(BigDecimal amount, int probability) {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(HUNDRED);
    }

    private record LineKey(String key, String currency) {
        LineKey {
            Objects.requireNonNull(currency);
        }
    }

    private static final class Sums {
        private long openCount;
        private BigDecimal openAmount = BigDecimal.ZERO;
        private BigDecimal weighted = BigDecimal.ZERO;
        private long wonCount;
        private BigDecimal wonAmount = BigDecimal.ZERO;

        void add(ForecastBucket bucket) {
            BigDecimal amount = bucket.amount() == null ? BigDecimal.ZERO : bucket.amount();
            switch (bucket.status()) {
                case OPEN -> {
                    openCount += bucket.count();
                    openAmount = openAmount.add(amount);
                    weighted = weighted.add(weighted(amount, bucket.probability()));
                }
                case WON -> {
                    wonCount += bucket.count();
                    wonAmount = wonAmount.add(amount);
                }
                case LOST -> {
                    // Lost deals are worth nothing to a forecast.
                }
            }
        }

        ForecastLine line(String key, String currency) {
            BigDecimal weightedCents = cents(weighted);
            return new ForecastLine(key, currency, openCount, cents(openAmount), weightedCents, wonCount,
                    cents(wonAmount), cents(weighted.add(wonAmount)));
        }

        private static BigDecimal cents(BigDecimal value) {
            return value.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
