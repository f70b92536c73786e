package crm.contacts.service;

import crm.contacts.domain.TaskStatus;
import crm.contacts.events.TaskEvents;
import crm.contacts.repository.TaskRepository;
import crm.platform.events.Outbox;
import crm.platform.tenancy.TenantContext;
import crm.platform.timers.DueTimer;
import crm.platform.timers.TimerHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Publishes {@code crm.task.due.v1} when a task's timer fires. It runs in the transaction that claims and
 * deletes the timer, so the event is written to the outbox exactly once per due time, however many
 * replicas poll. A task completed or gone meanwhile publishes nothing (completion cancels the timer; this
 * is the guard for the moment in between).
 */
@ApplicationScoped
public class TaskDueHandler implements TimerHandler {

    public static final String KIND = "task.due";

    private final TaskRepository tasks;
    private final Outbox outbox;

    public TaskDueHandler(TaskRepository tasks, Outbox outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> onDue(SqlConnection tx, DueTimer timer) {
        UUID id;
        try {
            id = UUID.fromString(timer.key());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        TenantContext context = TenantContext.ofSystem(timer.tenantId(), "task-due");
        return tasks.findById(tx, id).flatMap(task -> task.isPresent() && task.get().status() == TaskStatus.OPEN
                ? outbox.append(tx, TaskEvents.due(context, task.get()))
                : Uni.createFrom().voidItem());
    }
}
