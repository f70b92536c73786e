package crm.contacts.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where an erasure stands: requested (and applied here) at {@code requestedAt}, and per service whether it
 * confirmed; {@code complete} once every confirming service has.
 */
public record ErasureStatus(UUID erasureRequestId, UUID subjectId, OffsetDateTime requestedAt, String requestedBy,
                            String status, List<ServiceState> services) {

    public static final String REQUESTED = "requested";
    public static final String COMPLETE = "complete";

    /** One service's part: {@code applied} with its time, or {@code pending}. */
    public record ServiceState(String service, String status, OffsetDateTime appliedAt) {
    }
}
