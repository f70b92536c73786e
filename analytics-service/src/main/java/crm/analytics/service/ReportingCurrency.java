package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises money to the reporting currency (EUR unless configured otherwise) with fixed, configured
 * rates: reports add up amounts of one currency only. An amount in a currency without a rate counts 0 and
 * is counted in the metric {@code crm.analytics.money.unconverted}, so a missing rate shows up.
 */
@ApplicationScoped
public class ReportingCurrency {

    private final String currency;
    private final Map<String, BigDecimal> rates = new HashMap<>();
    private final Counter unconverted;

    public ReportingCurrency(AnalyticsConfig config, MeterRegistry registry) {
        this.currency = config.reportingCurrency().toUpperCase(Locale.ROOT);
        config.exchangeRates().forEach((code, rate) -> rates.put(code.toUpperCase(Locale.ROOT), rate));
        this.unconverted = registry.counter("crm.analytics.money.unconverted");
    }

    public String code() {
        return currency;
    }

    /** The amount in the reporting currency, two decimals; 0 when it cannot be converted. */
    public BigDecimal convert(BigDecimal amount, String from) {
        if (amount == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        String code = from == null ? currency : from.toUpperCase(Locale.ROOT);
        if (code.equals(currency)) {
            return amount.setScale(2, RoundingMode.HALF_EVEN);
        }
        BigDecimal rate = rates.get(code);
        if (rate == null) {
            unconverted.increment();
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }
}
