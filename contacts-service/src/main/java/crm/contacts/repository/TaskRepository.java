package crm.contacts.repository;

import crm.contacts.domain.Task;
import crm.contacts.domain.TaskPriority;
import crm.contacts.domain.TaskStatus;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for follow-up tasks; scoped by row-level security. */
@ApplicationScoped
public class TaskRepository {

    private static final String COLUMNS = "id, unit_id, title, notes, due_at, assignee_id, priority, contact_id,"
            + " company_id, status, completed_at, completed_by, version, created_by, created_at, updated_at";

    /** Which tasks a list shows; null fields do not filter. */
    public record TaskQuery(String assigneeId, TaskStatus status, boolean overdueOnly, OffsetDateTime updatedSince) {
    }

    public Uni<Task> insert(SqlConnection tx, Task t) {
        return tx.preparedQuery("insert into task (id, unit_id, title, notes, due_at, assignee_id, priority, contact_id,"
                        + " company_id, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {t.id(), t.unitId(), t.title(), t.notes(), t.dueAt(), t.assigneeId(),
                        t.priority().value(), t.contactId(), t.companyId(), t.createdBy()}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Task>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from task where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Writes every changeable column of {@code t} if the row still has {@code expectedVersion}; empty when it
     * does not (someone else changed it first).
     */
    public Uni<Optional<Task>> update(SqlConnection tx, Task t, int expectedVersion) {
        return tx.preparedQuery("update task set unit_id = $3, title = $4, notes = $5, due_at = $6, assignee_id = $7,"
                        + " priority = $8, contact_id = $9, company_id = $10, status = $11, completed_at = $12,"
                        + " completed_by = $13, version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {t.id(), expectedVersion, t.unitId(), t.title(), t.notes(), t.dueAt(),
                        t.assigneeId(), t.priority().value(), t.contactId(), t.companyId(), t.status().value(),
                        t.completedAt(), t.completedBy()}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * One keyset page: by due time (soonest first), or by last change when syncing with {@code updatedSince}
     * (as every delta-sync list of the API).
     */
    public Uni<List<Task>> page(SqlConnection tx, TaskQuery q, PageRequest page) {
        String key = q.updatedSince() != null ? "updated_at" : "due_at";
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from task where true");
        if (q.assigneeId() != null) {
            args.add(q.assigneeId());
            sql.append(" and assignee_id = $").append(args.size());
        }
        if (q.status() != null) {
            args.add(q.status().value());
            sql.append(" and status = $").append(args.size());
        }
        if (q.overdueOnly()) {
            sql.append(" and status = 'open' and due_at < now()");
        }
        if (q.updatedSince() != null) {
            args.add(q.updatedSince());
            sql.append(" and updated_at >= $").append(args.size());
        }
        if (page.after() != null) {
            KeysetPosition after = KeysetPosition.of(page.after());
            args.add(after.time());
            args.add(after.id());
            sql.append(" and (").append(key).append(", id) > ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by ").append(key).append(", id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Task> tasks = new ArrayList<>();
            rows.forEach(row -> tasks.add(map(row)));
            return tasks;
        });
    }

    public Uni<List<Task>> allOfContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from task where contact_id = $1 order by created_at, id")
                .execute(Tuple.of(contactId))
                .map(rows -> {
                    List<Task> tasks = new ArrayList<>();
                    rows.forEach(row -> tasks.add(map(row)));
                    return tasks;
                });
    }

    private static Task map(Row row) {
        return new Task(row.getUUID("id"), row.getString("unit_id"), row.getString("title"), row.getString("notes"),
                row.getOffsetDateTime("due_at"), row.getString("assignee_id"), TaskPriority.of(row.getString("priority")),
                row.getUUID("contact_id"), row.getUUID("company_id"), TaskStatus.of(row.getString("status")),
                row.getOffsetDateTime("completed_at"), row.getString("completed_by"), row.getInteger("version"),
                row.getString("created_by"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
