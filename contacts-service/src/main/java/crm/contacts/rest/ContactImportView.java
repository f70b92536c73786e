package crm.contacts.rest;

import crm.contacts.domain.ContactImport;
import crm.contacts.domain.ImportStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An import job as the API shows it. */
public record ContactImportView(UUID id, ImportStatus status, long rowsRead, long created, long updated,
                                long unchanged, long failed, long errorsListed, String failureReason, String unitId,
                                String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                OffsetDateTime finishedAt) {

    static ContactImportView of(ContactImport j) {
        return new ContactImportView(j.id(), j.status(), j.rowsRead(), j.created(), j.updated(), j.unchanged(),
                j.failed(), j.errorsListed(), j.failureReason(), j.unitId(), j.createdBy(), j.createdAt(),
                j.updatedAt(), j.finishedAt());
    }
}
