package crm.analytics.rest;

import crm.analytics.domain.Segment;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A segment as the API shows it; {@code size} (people now in it) only on single reads and creation. */
public record SegmentView(UUID id, String unitId, String name, List<String> rfmSegments, List<String> boughtSkus,
                          List<String> notBoughtSkus, List<String> lifecycleStages, List<String> tags,
                          List<String> unitIds, Long size, int version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {

    static SegmentView of(Segment s, Long size) {
        var d = s.definition();
        return new SegmentView(s.id(), s.unitId(), s.name(), d.rfmSegments(), d.boughtSkus(), d.notBoughtSkus(),
                d.lifecycleStages(), d.tags(), d.unitIds(), size, s.version(), s.createdAt(), s.updatedAt());
    }
}
