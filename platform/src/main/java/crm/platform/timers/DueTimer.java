package crm.platform.timers;

import java.time.OffsetDateTime;

/** A timer that has fallen due: which kind, for which key (usually an aggregate id), of which tenant. */
public record DueTimer(String kind, String key, String tenantId, OffsetDateTime dueAt) {
}
