package crm.leads.domain;

import java.math.BigDecimal;

/**
 * One row of a forecast, per group and currency (amounts in different currencies are never added):
 * the open pipeline, its weighted value (amount x probability), what was won, and the forecast, which
 * is the weighted open value plus the won amount (won deals count at 100 %).
 */
public record ForecastLine(String key, String currency, long openCount, BigDecimal openAmount,
                           BigDecimal weightedAmount, long wonCount, BigDecimal wonAmount, BigDecimal forecast) {
}
