package crm.contacts.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.domain.Task;
import crm.contacts.domain.TaskPriority;
import crm.contacts.domain.TaskStatus;
import crm.contacts.events.TaskEvents;
import crm.contacts.repository.KeysetPosition;
import crm.contacts.repository.TaskRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.platform.timers.Timers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Follow-ups. Every open task has one durable timer ({@value TaskDueHandler#KIND}) at its due time, written
 * in the same transaction as the task: scheduled on create, moved on snooze or a new due time, kept on
 * reassignment and cancelled on completion. When it fires, {@link TaskDueHandler} publishes the due event.
 */
@ApplicationScoped
public class TaskService {

    static final String CREATE_OPERATION = "POST /api/v1/tasks";
    static final String BY_DUE = "dueAt";
    static final String BY_CHANGE = "updatedAt";

    /** The lists of the API: my tasks, my overdue tasks, and all tasks of the caller's unit (managers). */
    public enum View { MINE, OVERDUE, UNIT }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;
    private final RecordOwner owners;
    private final TaskRepository tasks;
    private final Timers timers;
    private final Outbox outbox;

    public TaskService(TenantScope scope, CurrentTenant currentTenant, IdempotentRequests idempotency,
                       PatchedRequest patches, RecordOwner owners, TaskRepository tasks, Timers timers, Outbox outbox) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.patches = patches;
        this.owners = owners;
        this.tasks = tasks;
        this.timers = timers;
        this.outbox = outbox;
    }

    public Uni<StoredResponse> create(@Valid @NotNull NewTask request, IdempotencyKey key,
                                      Function<Task, StoredResponse> respond) {
        Instants.plausible("dueAt", request.dueAt());
        TenantContext context = currentTenant.get();
        String requestedUnit = unitFor(context, request.unitId());
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> owners.resolve(tx, request.contactId(), request.companyId()).flatMap(owner -> {
                    Task task = new Task(UUID.randomUUID(), owner.known() ? owner.unitId() : requestedUnit,
                            request.title().strip(), TextFields.clean(request.notes()), utc(request.dueAt()),
                            request.assigneeId() == null ? context.subject() : request.assigneeId().strip(),
                            request.priority() == null ? TaskPriority.NORMAL : request.priority(), owner.contactId(),
                            owner.companyId(), TaskStatus.OPEN, null, null, 1, context.subject(), null, null);
                    return tasks.insert(tx, task);
                })
                .call(saved -> timers.schedule(tx, TaskDueHandler.KIND, saved.id().toString(), saved.dueAt()))
                .call(saved -> outbox.append(tx, TaskEvents.created(context, saved)))
                .map(respond)));
    }

    public Uni<Task> find(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> tasks.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Task>> list(String viewName, String statusName, String updatedSince, PageRequest page) {
        TenantContext context = currentTenant.get();
        View view = view(viewName);
        if (view == View.UNIT && !(context.roles().contains("manager") || context.roles().contains("admin"))) {
            throw ProblemException.forbidden("The unit view needs the manager or admin role");
        }
        TaskStatus status = status(statusName);
        OffsetDateTime since = Instants.plausible("updatedSince", instant("updatedSince", updatedSince));
        String sort = since != null ? BY_CHANGE : BY_DUE;
        page.requireSort(sort, BY_DUE);
        TaskRepository.TaskQuery query = new TaskRepository.TaskQuery(view == View.UNIT ? null : context.subject(),
                status, view == View.OVERDUE, since);
        return scope.inTransaction(context, tx -> tasks.page(tx, query, page))
                .map(rows -> Page.of(rows, page, t -> KeysetPosition.cursor(sort,
                        since != null ? t.updatedAt() : t.dueAt(), t.id())));
    }

    /** PATCH: a merge patch on the changeable fields; a new due time or assignee moves the due timer along. */
    public Uni<Task> patch(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        return change(id, expected, (tx, current) -> {
            TaskChanges changes = patches.apply(changesOf(current), patch, TaskChanges.class);
            Instants.plausible("dueAt", changes.dueAt());
            boolean ownerChanged = !Objects.equals(changes.contactId(), current.contactId())
                    || !Objects.equals(changes.companyId(), current.companyId());
            Uni<RecordOwner.Owner> owner = ownerChanged
                    ? owners.resolve(tx, changes.contactId(), changes.companyId())
                    : Uni.createFrom().item(new RecordOwner.Owner(current.contactId(), current.companyId(),
                            current.unitId(), true));
            return owner.map(o -> new Task(current.id(), o.known() ? o.unitId() : current.unitId(),
                    changes.title().strip(), TextFields.clean(changes.notes()), utc(changes.dueAt()),
                    changes.assigneeId().strip(), changes.priority(), o.contactId(), o.companyId(), current.status(),
                    current.completedAt(), current.completedBy(), current.version(), current.createdBy(),
                    current.createdAt(), current.updatedAt()));
        });
    }

    public Uni<Task> complete(UUID id, ExpectedVersion expected) {
        TenantContext context = currentTenant.get();
        return change(id, expected, (tx, current) -> Uni.createFrom().item(current.status() == TaskStatus.DONE
                ? current
                : new Task(current.id(), current.unitId(), current.title(), current.notes(), current.dueAt(),
                        current.assigneeId(), current.priority(), current.contactId(), current.companyId(),
                        TaskStatus.DONE, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                        context.subject(), current.version(), current.createdBy(), current.createdAt(),
                        current.updatedAt())));
    }

    public Uni<Task> snooze(UUID id, ExpectedVersion expected, @Valid @NotNull Snooze snooze) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if ((snooze.until() == null) == (snooze.minutes() == null)) {
            throw ProblemException.badRequest("until", "give either until (a new due time) or minutes");
        }
        OffsetDateTime until = snooze.until() != null ? utc(Instants.plausible("until", snooze.until()))
                : now.plusMinutes(snooze.minutes());
        if (!until.isAfter(now)) {
            throw ProblemException.badRequest("until", "must be in the future");
        }
        return change(id, expected, (tx, current) -> {
            requireOpen(current);
            return Uni.createFrom().item(withDueAndAssignee(current, until, current.assigneeId()));
        });
    }

    public Uni<Task> reassign(UUID id, ExpectedVersion expected, @Valid @NotNull Reassignment reassignment) {
        return change(id, expected, (tx, current) -> {
            requireOpen(current);
            return Uni.createFrom().item(withDueAndAssignee(current, current.dueAt(),
                    reassignment.assigneeId().strip()));
        });
    }

    /**
     * Reads the task, checks If-Match, applies {@code next}, writes it if anything changed, and keeps the due
     * timer and the events in step, all in one transaction.
     */
    private Uni<Task> change(UUID id, ExpectedVersion expected, BiFunction<SqlConnection, Task, Uni<Task>> next) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> tasks.findById(tx, id).flatMap(found -> {
            Task current = found.orElseThrow(() -> notFound(id));
            expected.check("Task " + id, current.version());
            return next.apply(tx, current).flatMap(wanted -> {
                if (wanted.equals(current)) {
                    return Uni.createFrom().item(current);
                }
                return tasks.update(tx, wanted, current.version())
                        .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Task " + id)))
                        .call(updated -> keepTimerInStep(tx, context, current, updated));
            });
        }));
    }

    private Uni<Void> keepTimerInStep(SqlConnection tx, TenantContext context, Task before, Task after) {
        String key = after.id().toString();
        if (after.status() == TaskStatus.DONE && before.status() != TaskStatus.DONE) {
            return timers.cancel(tx, TaskDueHandler.KIND, key)
                    .flatMap(ignored -> outbox.append(tx, TaskEvents.completed(context, after)));
        }
        boolean reassigned = !after.assigneeId().equals(before.assigneeId());
        boolean moved = !after.dueAt().isEqual(before.dueAt());
        // A new due time may fall due again; a reassignment before the due time keeps the timer (the event
        // names whoever is assigned when it fires). Once fired, a reassignment does not fire it a second time.
        if (after.status() == TaskStatus.OPEN && (moved || (reassigned && after.dueAt().isAfter(OffsetDateTime.now())))) {
            return timers.schedule(tx, TaskDueHandler.KIND, key, after.dueAt());
        }
        return Uni.createFrom().voidItem();
    }

    private static Task withDueAndAssignee(Task t, OffsetDateTime dueAt, String assigneeId) {
        return new Task(t.id(), t.unitId(), t.title(), t.notes(), dueAt, assigneeId, t.priority(), t.contactId(),
                t.companyId(), t.status(), t.completedAt(), t.completedBy(), t.version(), t.createdBy(), t.createdAt(),
                t.updatedAt());
    }

    private static void requireOpen(Task t) {
        if (t.status() != TaskStatus.OPEN) {
            throw ProblemException.conflict("Task " + t.id() + " is done; only open tasks can be snoozed or reassigned");
        }
    }

    private static TaskChanges changesOf(Task t) {
        return new TaskChanges(t.title(), t.notes(), t.dueAt(), t.assigneeId(), t.priority(), t.contactId(),
                t.companyId());
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static View view(String name) {
        if (name == null || name.isBlank()) {
            return View.MINE;
        }
        return switch (name) {
            case "mine" -> View.MINE;
            case "overdue" -> View.OVERDUE;
            case "unit" -> View.UNIT;
            default -> throw ProblemException.badRequest("view", "must be mine, overdue or unit");
        };
    }

    private static TaskStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.of(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", e.getMessage());
        }
    }

    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO 8601 date-time with offset");
        }
    }

    /** Franchisee staff work in their own unit only; HQ staff may place a task in any unit or none. */
    private static String unitFor(TenantContext context, String requestedUnit) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can place records only in your own unit " + context.unitId());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Task " + id);
    }
}
