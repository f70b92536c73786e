package crm.analytics.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A saved campaign segment; {@code unitId} is the unit it belongs to (null: an HQ segment). */
public record Segment(UUID id, String unitId, String name, SegmentDefinition definition, int version,
                      String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
