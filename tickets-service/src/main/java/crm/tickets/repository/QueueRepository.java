package crm.tickets.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.platform.paging.PageRequest;
import crm.tickets.domain.AssignmentStrategy;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueueMember;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for queues, their round-robin position and the open-ticket load of agents. */
@ApplicationScoped
public class QueueRepository {

    private static final String COLUMNS = "id, name, description, strategy, members, is_default, version, created_at,"
            + " updated_at";
    private static final TypeReference<List<QueueMember>> MEMBERS = new TypeReference<>() { };

    private final Json json;

    public QueueRepository(Json json) {
        this.json = json;
    }

    public Uni<Queue> insert(SqlConnection tx, UUID id, String name, String description, AssignmentStrategy strategy,
                             List<QueueMember> members) {
        return tx.preparedQuery("insert into queue (id, name, description, strategy, members) values ($1, $2, $3, $4, $5)"
                        + " returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, name, description, strategy.value(), members(members)}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Queue>> update(SqlConnection tx, UUID id, int expectedVersion, String name, String description,
                                       AssignmentStrategy strategy, List<QueueMember> members) {
        return tx.preparedQuery("update queue set name = $3, description = $4, strategy = $5, members = $6,"
                        + " version = version + 1, updated_at = now() where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, name, description, strategy.value(),
                        members(members)}))
                .map(this::first);
    }

    public Uni<Optional<Queue>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from queue where id = $1").execute(Tuple.of(id)).map(this::first);
    }

    /** Which of {@code ids} are queues of the tenant. */
    public Uni<List<UUID>> existing(SqlConnection tx, List<UUID> ids) {
        return tx.preparedQuery("select id from queue where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getUUID("id")));
                    return found;
                });
    }

    public Uni<List<Queue>> list(SqlConnection tx, java.time.OffsetDateTime updatedSince, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from queue where true");
        Sql.condition(sql, args, "updated_at >= $", updatedSince);
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(Sql.cursorId(page.after().id()));
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append("::text::timestamptz, $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Queue> found = new ArrayList<>();
            rows.forEach(row -> found.add(map(row)));
            return found;
        });
    }

    /**
     * The tenant's default queue, created on first need. Two concurrent first needs meet at the unique
     * index: one inserts, the other's insert does nothing, and both read the same queue.
     */
    public Uni<Queue> defaultQueue(SqlConnection tx) {
        return tx.preparedQuery("insert into queue (id, name, description, strategy, is_default)"
                        + " values ($1, 'Default', 'Tickets no routing rule claims', 'least_loaded', true)"
                        + " on conflict do nothing").execute(Tuple.of(UUID.randomUUID()))
                .flatMap(ignored -> tx.query("select " + COLUMNS + " from queue where is_default").execute())
                .map(rows -> map(rows.iterator().next()));
    }

    /** The agent who got the queue's previous ticket; the row stays locked until commit (round robin). */
    public Uni<String> lastAssigned(SqlConnection tx, UUID queueId) {
        return tx.preparedQuery("select last_agent_id from queue_rotation where queue_id = $1 for update")
                .execute(Tuple.of(queueId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    public Uni<Void> rememberAssigned(SqlConnection tx, UUID queueId, String agentId) {
        return tx.preparedQuery("insert into queue_rotation (queue_id, last_agent_id) values ($1, $2)"
                        + " on conflict (tenant_id, queue_id) do update set last_agent_id = excluded.last_agent_id")
                .execute(Tuple.of(queueId, agentId)).replaceWithVoid();
    }

    /** Open tickets per agent among {@code agentIds}; agents without any are missing from the map. */
    public Uni<Map<String, Integer>> loads(SqlConnection tx, List<String> agentIds) {
        return tx.preparedQuery("select agent_id, open_tickets from agent_load where agent_id = any($1)")
                .execute(Tuple.of(agentIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Integer> loads = new HashMap<>();
                    rows.forEach(row -> loads.put(row.getString("agent_id"), row.getInteger("open_tickets")));
                    return loads;
                });
    }

    /** Adds {@code delta} to an agent's open tickets (never below zero). */
    public Uni<Void> addLoad(SqlConnection tx, String agentId, int delta) {
        return tx.preparedQuery("insert into agent_load (agent_id, open_tickets) values ($1, greatest($2, 0))"
                        + " on conflict (tenant_id, agent_id)"
                        + " do update set open_tickets = greatest(agent_load.open_tickets + $2, 0)")
                .execute(Tuple.of(agentId, delta)).replaceWithVoid();
    }

    private JsonArray members(List<QueueMember> members) {
        return new JsonArray(json.mapper().valueToTree(members).toString());
    }

    private Optional<Queue> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private Queue map(Row row) {
        List<QueueMember> members = json.read(row, "members", MEMBERS);
        return new Queue(row.getUUID("id"), row.getString("name"), row.getString("description"),
                AssignmentStrategy.of(row.getString("strategy")), members == null ? List.of() : members,
                row.getBoolean("is_default"), row.getInteger("version"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
