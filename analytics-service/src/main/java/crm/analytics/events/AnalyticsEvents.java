package crm.analytics.events;

import crm.platform.events.OutgoingEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The events analytics-service publishes to {@value #TOPIC}; each type is documented in docs/events. */
public final class AnalyticsEvents {

    public static final String TOPIC = Topics.ANALYTICS;
    public static final String ERASURE_APPLIED = "crm.privacy.erasure-applied.v1";
    public static final String SERVICE = "analytics-service";

    private AnalyticsEvents() {
    }

    /** The confirmation of the erasure protocol: this service no longer holds the person's data. */
    public record ErasureApplied(UUID subjectId, UUID erasureRequestId, String service, OffsetDateTime appliedAt) {
    }

    public static OutgoingEvent erasureApplied(String tenantId, String unitId, UUID subjectId, UUID erasureRequestId,
                                               OffsetDateTime appliedAt) {
        return new OutgoingEvent(TOPIC, ERASURE_APPLIED, subjectId.toString(), tenantId, unitId,
                new ErasureApplied(subjectId, erasureRequestId, SERVICE, appliedAt));
    }
}
