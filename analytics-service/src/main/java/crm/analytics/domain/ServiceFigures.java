package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Ticket figures: volume, response and resolution times, SLA compliance, satisfaction, backlog. */
public final class ServiceFigures {

    private ServiceFigures() {
    }

    /** Nearest-rank percentiles of business minutes over the tickets resolved in the period. */
    public record Minutes(Long p50, Long p90, long tickets) {
    }

    public record Satisfaction(BigDecimal averageRating, int ratings) {
    }

    public record BacklogEntry(String unitId, UUID queueId, String queueName, int open) {
    }

    public record ServiceReport(YearMonth from, YearMonth to, int opened, int resolved, Minutes firstResponseMinutes,
                                Minutes resolutionMinutes, BigDecimal firstResponseSlaCompliance,
                                BigDecimal resolutionSlaCompliance, Satisfaction satisfaction, int openTickets,
                                List<BacklogEntry> backlog) {
    }
}
