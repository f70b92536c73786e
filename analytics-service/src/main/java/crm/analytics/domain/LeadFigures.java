package crm.analytics.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Open leads that resemble the best customers. */
public final class LeadFigures {

    private LeadFigures() {
    }

    /** A feature the lead shares with the reference customers: the share of them that have it and its weight. */
    public record MatchedFeature(String feature, String value, BigDecimal share, BigDecimal weight) {
    }

    public record LookalikeLead(UUID leadId, String unitId, String channel, String postalCode, String companyName,
                                String companySize, List<String> productsOfInterest, OffsetDateTime capturedAt,
                                String status, BigDecimal score, List<MatchedFeature> matchedFeatures) {
    }

    public record Lookalikes(List<LookalikeLead> items) {
    }
}
