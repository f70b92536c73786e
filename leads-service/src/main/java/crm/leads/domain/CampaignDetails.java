package crm.leads.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything about a campaign its owners may set, normalised. {@code unitId} null means a brand-wide
 * campaign run by HQ, which every unit sees; otherwise the campaign belongs to that unit.
 */
public record CampaignDetails(String name, Channel channel, LocalDate startsOn, LocalDate endsOn,
                              BigDecimal budget, String currency, String unitId) {
}
