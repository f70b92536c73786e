package crm.leads.repository;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.LeadActivity;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A lead's history. Entries are written once and only ever anonymised (erasure) or moved with their lead. */
@ApplicationScoped
public class LeadActivityRepository {

    private static final String COLUMNS = "id, lead_id, kind, outcome, note, occurred_at, author_id, created_at";

    /** Writes an entry in the lead's unit ({@code unitId}), so the unit's staff see it with the lead. */
    public Uni<LeadActivity> insert(SqlConnection tx, String unitId, LeadActivity a) {
        return tx.preparedQuery("insert into lead_activity (id, unit_id, lead_id, kind, outcome, note, occurred_at,"
                        + " author_id) values ($1, $2, $3, $4, $5, $6, $7, $8) returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(a.id(), unitId, a.leadId(), a.kind().value(), a.outcome(), a.note(),
                        a.occurredAt(), a.authorId())))
                .map(rows -> map(rows.iterator().next()));
    }

    /** Oldest first, keyset paged by (occurred_at, id). */
    public Uni<List<LeadActivity>> list(SqlConnection tx, UUID leadId, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(leadId);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from lead_activity where lead_id = $1");
        if (page.after() != null) {
            args.add(LeadRepository.timestamp(page.after().sortKey()));
            args.add(LeadRepository.id(page.after().id()));
            sql.append(" and (occurred_at, id) > ($2, $3)");
        }
        args.add(page.fetchSize());
        sql.append(" order by occurred_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(LeadActivityRepository::all);
    }

    public Uni<List<LeadActivity>> listAll(SqlConnection tx, UUID leadId) {
        return tx.preparedQuery("select " + COLUMNS + " from lead_activity where lead_id = $1 order by occurred_at, id")
                .execute(Tuple.of(leadId)).map(LeadActivityRepository::all);
    }

    /** Conversations (engagement) logged for the lead and when the latest took place. */
    public Uni<Engagement> engagement(SqlConnection tx, UUID leadId) {
        String[] kinds = Arrays.stream(ActivityKind.values()).filter(ActivityKind::isEngagement)
                .map(ActivityKind::value).toArray(String[]::new);
        return tx.preparedQuery("select count(*)::int as conversations, max(occurred_at) as latest from lead_activity"
                        + " where lead_id = $1 and kind = any($2)")
                .execute(Tuple.of(leadId, kinds))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Engagement(row.getInteger("conversations"), row.getOffsetDateTime("latest"));
                });
    }

    public record Engagement(int conversations, OffsetDateTime latest) {
    }

    /** Keeps the history with its lead when the lead moves to another unit (or to headquarters). */
    public Uni<Void> moveToUnit(SqlConnection tx, UUID leadId, String unitId) {
        return tx.preparedQuery("update lead_activity set unit_id = $2 where lead_id = $1")
                .execute(Tuple.of(leadId, unitId)).replaceWithVoid();
    }

    /** Erasure: free text may name the person, so it goes; the facts (kind, time) stay for the statistics. */
    public Uni<Void> anonymise(SqlConnection tx, UUID leadId) {
        return tx.preparedQuery("update lead_activity set note = null, outcome = null where lead_id = $1")
                .execute(Tuple.of(leadId)).replaceWithVoid();
    }

    private static List<LeadActivity> all(RowSet<Row> rows) {
        List<LeadActivity> list = new ArrayList<>();
        rows.forEach(row -> list.add(map(row)));
        return list;
    }

    private static LeadActivity map(Row row) {
        return new LeadActivity(row.getUUID("id"), row.getUUID("lead_id"), ActivityKind.of(row.getString("kind")),
                row.getString("outcome"), row.getString("note"), row.getOffsetDateTime("occurred_at"),
                row.getString("author_id"), row.getOffsetDateTime("created_at"));
    }
}
