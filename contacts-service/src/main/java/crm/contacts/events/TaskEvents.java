package crm.contacts.events;

import crm.contacts.domain.Task;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Follow-up events, published to {@value ContactEvents#TOPIC} keyed by task id. */
public final class TaskEvents {

    public static final String TASK_CREATED = "crm.task.created.v1";
    public static final String TASK_DUE = "crm.task.due.v1";
    public static final String TASK_COMPLETED = "crm.task.completed.v1";

    private TaskEvents() {
    }

    public record TaskCreated(UUID taskId, String title, OffsetDateTime dueAt, String assigneeId, String priority,
                              UUID contactId, UUID companyId) {
    }

    /** Published exactly once per due time; a snoozed task may fall due again. */
    public record TaskDue(UUID taskId, String title, OffsetDateTime dueAt, String assigneeId, String priority,
                          UUID contactId, UUID companyId) {
    }

    public record TaskCompleted(UUID taskId, OffsetDateTime completedAt, String completedBy, UUID contactId,
                                UUID companyId) {
    }

    public static OutgoingEvent created(TenantContext context, Task t) {
        return OutgoingEvent.of(ContactEvents.TOPIC, TASK_CREATED, t.id().toString(), context, t.unitId(),
                new TaskCreated(t.id(), t.title(), t.dueAt(), t.assigneeId(), t.priority().value(), t.contactId(),
                        t.companyId()));
    }

    public static OutgoingEvent due(TenantContext context, Task t) {
        return OutgoingEvent.of(ContactEvents.TOPIC, TASK_DUE, t.id().toString(), context, t.unitId(),
                new TaskDue(t.id(), t.title(), t.dueAt(), t.assigneeId(), t.priority().value(), t.contactId(),
                        t.companyId()));
    }

    public static OutgoingEvent completed(TenantContext context, Task t) {
        return OutgoingEvent.of(ContactEvents.TOPIC, TASK_COMPLETED, t.id().toString(), context, t.unitId(),
                new TaskCompleted(t.id(), t.completedAt(), t.completedBy(), t.contactId(), t.companyId()));
    }
}
