package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up (Wiedervorlage): something someone must do by a due time, about a contact or company. */
public record Task(UUID id, String unitId, String title, String notes, OffsetDateTime dueAt, String assigneeId,
                   TaskPriority priority, UUID contactId, UUID companyId, TaskStatus status,
                   OffsetDateTime completedAt, String completedBy, int version, String createdBy,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
