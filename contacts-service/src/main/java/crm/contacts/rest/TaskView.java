package crm.contacts.rest;

import crm.contacts.domain.Task;
import crm.contacts.domain.TaskPriority;
import crm.contacts.domain.TaskStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up as the API shows it; {@code overdue} is an open task past its due time. */
public record TaskView(UUID id, String title, String notes, OffsetDateTime dueAt, boolean overdue, String assigneeId,
                       TaskPriority priority, TaskStatus status, UUID contactId, UUID companyId, String unitId,
                       OffsetDateTime completedAt, String completedBy, int version, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static TaskView of(Task t) {
        return new TaskView(t.id(), t.title(), t.notes(), t.dueAt(),
                t.status() == TaskStatus.OPEN && t.dueAt().isBefore(OffsetDateTime.now()), t.assigneeId(), t.priority(),
                t.status(), t.contactId(), t.companyId(), t.unitId(), t.completedAt(), t.completedBy(), t.version(),
                t.createdBy(), t.createdAt(), t.updatedAt());
    }
}
