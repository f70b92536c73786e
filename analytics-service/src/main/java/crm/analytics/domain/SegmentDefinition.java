package crm.analytics.domain;

import java.util.List;

/**
 * Who belongs to a campaign segment. Every given criterion must hold; within a list, any value matches,
 * except tags, which must all be present. Empty lists do not filter.
 */
public record SegmentDefinition(List<String> rfmSegments, List<String> boughtSkus, List<String> notBoughtSkus,
                                List<String> lifecycleStages, List<String> tags, List<String> unitIds) {

    public SegmentDefinition {
        rfmSegments = copy(rfmSegments);
        boughtSkus = copy(boughtSkus);
        notBoughtSkus = copy(notBoughtSkus);
        lifecycleStages = copy(lifecycleStages);
        tags = copy(tags);
        unitIds = copy(unitIds);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
