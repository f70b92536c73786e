package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The lead funnel and the return of campaigns. */
public final class FunnelFigures {

    private FunnelFigures() {
    }

    /**
     * Leads captured in the period (cohort) and how many reached each stage. Rates are against captured
     * leads; stage rates against the stage before (contacted/captured, qualified/contacted, converted/qualified).
     */
    public record FunnelRow(String key, String label, int captured, int contacted, int qualified, int converted,
                            int disqualified, int nurtured, BigDecimal contactRate, BigDecimal qualificationRate,
                            BigDecimal conversionRate, BigDecimal contactedToQualified,
                            BigDecimal qualifiedToConverted, int slaBreaches, BigDecimal slaBreachRate,
                            Long medianSpeedToLeadMinutes) {
    }

    public record Funnel(String by, LocalDate from, LocalDate to, List<FunnelRow> rows, FunnelRow total) {
    }

    /** Revenue attributed to a campaign against its budget; roi = (revenue - budget) / budget. */
    public record CampaignReturn(UUID campaignId, String name, String channel, LocalDate startsOn, LocalDate endsOn,
                                 BigDecimal budget, BigDecimal wonRevenue, int wonDeals, BigDecimal purchaseRevenue,
                                 int purchases, BigDecimal revenue, BigDecimal roi, int leadsCaptured,
                                 int leadsConverted) {
    }

    public record CampaignReturns(String currency, List<CampaignReturn> items) {
    }
}
