package crm.leads.domain;

import java.math.BigDecimal;

/**
 * Opportunities the database has already added up: those with the same group key (month, unit or
 * owner; null for none), currency, status (open or won) and probability, their number and summed amount.
 */
public record ForecastBucket(String key, String currency, OpportunityStatus status, int probability,
                             BigDecimal amount, long count) {
}
