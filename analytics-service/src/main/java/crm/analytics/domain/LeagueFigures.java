package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The franchise league table: units ranked by revenue, growth, conversion, SLA compliance and satisfaction. */
public final class LeagueFigures {

    private LeagueFigures() {
    }

    /**
     * One unit in the period. growth = (revenue - previous month's) / previous month's; conversion = leads
     * captured in the period that converted / leads captured; SLA compliance = SLA targets met / measured
     * (first response and resolution) of tickets resolved in the period. {@code ranks} only for HQ staff.
     */
    public record LeagueRow(String unitId, BigDecimal revenue, BigDecimal previousRevenue, BigDecimal growth,
                            int orders, int leadsCaptured, int leadsConverted, BigDecimal conversionRate,
                            int slaTargets, BigDecimal slaCompliance, BigDecimal averageRating, int ratings,
                            Map<String, Integer> ranks) {
    }

    /** The mean over all units with figures in the period, of each figure (rates: the mean of the units' rates). */
    public record BrandAverage(int units, BigDecimal revenue, BigDecimal growth, BigDecimal conversionRate,
                               BigDecimal slaCompliance, BigDecimal averageRating) {
    }

    public record LeagueTable(YearMonth period, YearMonth previousPeriod, String sortedBy, String currency,
                              List<LeagueRow> units, BrandAverage brandAverage) {
    }
}
