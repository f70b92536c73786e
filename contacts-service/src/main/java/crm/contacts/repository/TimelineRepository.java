package crm.contacts.repository;

import crm.contacts.domain.Direction;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the timeline. Like every repository it never names the tenant: row-level security scopes it. */
@ApplicationScoped
public class TimelineRepository {

    private static final String COLUMNS = "id, unit_id, contact_id, company_id, kind, occurred_at, author_id, summary,"
            + " outcome, direction, source_service, interaction_id, task_id, purchase_id, lead_id, opportunity_id,"
            + " ticket_id";

    /**
     * Adds an entry. {@code sourceEventId} names the consumed event it was projected from (null for facts of
     * this service); a second entry for the same event is silently not added.
     */
    public Uni<Boolean> insert(SqlConnection tx, TimelineEntry e, String sourceEventId) {
        TimelineEntry.References r = e.references() == null ? TimelineEntry.References.NONE : e.references();
        return tx.preparedQuery("insert into timeline_entry (" + COLUMNS + ", source_event_id) values ($1, $2, $3, $4,"
                        + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
                        + " on conflict (source_event_id) do nothing")
                .execute(Tuple.from(new Object[] {e.id(), e.unitId(), e.contactId(), e.companyId(), e.kind().value(),
                        e.occurredAt(), e.authorId(), e.summary(), e.outcome(),
                        e.direction() == null ? null : e.direction().value(), e.sourceService(), r.interactionId(),
                        r.taskId(), r.purchaseId(), r.leadId(), r.opportunityId(), r.ticketId(), sourceEventId}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Newest first, one keyset page of a contact's history. */
    public Uni<List<TimelineEntry>> pageOfContact(SqlConnection tx, UUID contactId, List<TimelineKind> kinds, PageRequest page) {
        return page(tx, "contact_id = $1", contactId, kinds, page);
    }

    /**
     * Newest first, one keyset page of a company's history: its own entries and those of the contacts that
     * work for it now.
     */
    public Uni<List<TimelineEntry>> pageOfCompany(SqlConnection tx, UUID companyId, List<TimelineKind> kinds, PageRequest page) {
        return page(tx, "(company_id = $1 or contact_id in (select id from contact where company_id = $1))", companyId,
                kinds, page);
    }

    /** Everything about one contact, newest first (the privacy export). */
    public Uni<List<TimelineEntry>> allOfContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from timeline_entry where contact_id = $1"
                        + " order by occurred_at desc, id desc")
                .execute(Tuple.of(contactId))
                .map(rows -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(map(row)));
                    return entries;
                });
    }

    private Uni<List<TimelineEntry>> page(SqlConnection tx, String owner, UUID ownerId, List<TimelineKind> kinds,
                                  PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(ownerId);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from timeline_entry where " + owner);
        if (!kinds.isEmpty()) {
            args.add(kinds.stream().map(TimelineKind::value).toArray(String[]::new));
            sql.append(" and kind = any($").append(args.size()).append(')');
        }
        if (page.after() != null) {
            KeysetPosition after = KeysetPosition.of(page.after());
            args.add(after.time());
            args.add(after.id());
            sql.append(" and (occurred_at, id) < ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by occurred_at desc, id desc limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<TimelineEntry> found = new ArrayList<>();
            rows.forEach(row -> found.add(map(row)));
            return found;
        });
    }

    private static TimelineEntry map(Row row) {
        String direction = row.getString("direction");
        return new TimelineEntry(row.getUUID("id"), row.getString("unit_id"), row.getUUID("contact_id"),
                row.getUUID("company_id"), TimelineKind.of(row.getString("kind")), row.getOffsetDateTime("occurred_at"),
                row.getString("author_id"), row.getString("summary"), row.getString("outcome"),
                direction == null ? null : Direction.of(direction), row.getString("source_service"),
                new TimelineEntry.References(row.getUUID("interaction_id"), row.getUUID("task_id"),
                        row.getUUID("purchase_id"), row.getUUID("lead_id"), row.getUUID("opportunity_id"),
                        row.getUUID("ticket_id")));
    }
}
