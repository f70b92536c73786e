package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The customer-value reports: one customer, the top customers and the RFM segments. */
public final class CustomerFigures {

    private CustomerFigures() {
    }

    /** R, F and M quintiles (1-5, 5 = most recent / most frequent / highest revenue) and the named segment. */
    public record Rfm(Integer recency, Integer frequency, Integer monetary, String segment) {
    }

    /**
     * A customer's value in the caller's scope (brand-wide for HQ, the own unit for franchisee staff).
     * Orders are purchases and won opportunities; money is in {@code currency}.
     */
    public record CustomerValue(UUID contactId, String unitId, String currency, BigDecimal revenue,
                                BigDecimal purchaseRevenue, BigDecimal wonRevenue, int orders,
                                BigDecimal averageOrderValue, OffsetDateTime firstOrderAt, OffsetDateTime lastOrderAt,
                                BigDecimal clv, Rfm rfm) {
    }

    public record TopCustomer(int rank, UUID contactId, String firstName, String lastName, BigDecimal revenue,
                              int orders, OffsetDateTime lastOrderAt, BigDecimal clv, String segment) {
    }

    public record TopCustomers(String currency, List<TopCustomer> items) {
    }

    /** A segment's customers, their share of all scored customers, revenue and average revenue. */
    public record SegmentFigure(String segment, int customers, BigDecimal share, BigDecimal revenue,
                                BigDecimal averageRevenue) {
    }

    public record SegmentSummary(String currency, int customers, OffsetDateTime scoredAt, List<SegmentFigure> segments) {
    }
}
