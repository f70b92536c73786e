package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CSV import job and its progress. Counts are those of committed batches, so they always match the
 * contacts written: {@code rowsRead = created + updated + unchanged + failed}. {@code errorsListed} is how
 * many of the failures have an entry in the error report (it is capped). Holds no personal data.
 */
public record ContactImport(UUID id, String unitId, ImportStatus status, long rowsRead, long created, long updated,
                            long unchanged, long failed, long errorsListed, String failureReason, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt) {
}
