package crm.tickets.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.platform.paging.PageRequest;
import crm.tickets.domain.Channel;
import crm.tickets.domain.CustomerLink;
import crm.tickets.domain.Milestones;
import crm.tickets.domain.Priority;
import crm.tickets.domain.QueuePlacement;
import crm.tickets.domain.Rating;
import crm.tickets.domain.SlaClock;
import crm.tickets.domain.SlaState;
import crm.tickets.domain.SlaTerms;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketContent;
import crm.tickets.domain.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for tickets. No statement names the tenant or unit: the connection comes from TenantScope (or the
 * timer and inbox transactions, which set the scope the same way), and row-level security does the rest.
 */
@ApplicationScoped
public class TicketRepository {

    /** Columns a change may write, in the order {@link #writable} lists their values. */
    private static final List<String> WRITABLE = List.of("subject", "description", "channel", "category", "priority",
            "status", "contact_id", "contact_verified", "company_id", "company_verified", "requester_email",
            "customer_tier", "queue_id", "assignee_id", "routing_rule", "tags", "custom_fields", "watchers",
            "sla_terms", "clock_elapsed_minutes", "clock_running_since", "first_response_due_at", "resolution_due_at",
            "first_response_warned_at", "first_response_breached_at", "resolution_warned_at",
            "resolution_breached_at", "first_response_minutes", "resolution_minutes", "first_response_at",
            "resolved_at", "closed_at", "reopened_at", "rating", "rating_comment", "rated_at");
    private static final String COLUMNS = "id, unit_id, number, " + String.join(", ", WRITABLE)
            + ", version, created_by, created_at, updated_at";
    private static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");
    private static final String OPEN = "t.status not in ('resolved', 'closed')";

    private final Json json;

    public TicketRepository(Json json) {
        this.json = json;
    }

    /** The next ticket number of the tenant; the row lock serialises concurrent creations briefly. */
    public Uni<Long> nextNumber(SqlConnection tx) {
        return tx.query("insert into ticket_counter (last_number) values (1) on conflict (tenant_id)"
                        + " do update set last_number = ticket_counter.last_number + 1 returning last_number")
                .execute().map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Ticket> insert(SqlConnection tx, Ticket t) {
        List<Object> args = new ArrayList<>();
        args.add(t.id());
        args.add(t.unitId());
        args.add(t.number());
        args.addAll(writable(t));
        args.add(t.createdBy());
        args.add(t.createdAt());
        args.add(t.createdAt());
        return tx.preparedQuery("insert into ticket (id, unit_id, number, " + String.join(", ", WRITABLE)
                        + ", created_by, created_at, updated_at) values (" + Sql.placeholders(1, args.size())
                        + ") returning " + COLUMNS)
                .execute(Tuple.from(args))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Ticket>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from ticket where id = $1").execute(Tuple.of(id))
                .map(this::first);
    }

    /** Reads and row-locks the ticket, so that a change computed from it cannot interleave with another. */
    public Uni<Optional<Ticket>> lock(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from ticket where id = $1 for update").execute(Tuple.of(id))
                .map(this::first);
    }

    /**
     * Row-locks the ticket unless another transaction holds it: empty when it is missing or busy. The SLA
     * timer handlers use it because they already hold their timer's row, and a request that holds the
     * ticket may be about to move that very timer; waiting here could deadlock.
     */
    public Uni<Optional<Ticket>> lockIfFree(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from ticket where id = $1 for update skip locked")
                .execute(Tuple.of(id)).map(this::first);
    }

    public Uni<Boolean> exists(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select exists (select 1 from ticket where id = $1)").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Writes every changeable column of {@code next} if the row still has {@code expectedVersion}; empty when
     * someone else changed it first.
     */
    public Uni<Optional<Ticket>> update(SqlConnection tx, Ticket next, int expectedVersion) {
        List<Object> args = new ArrayList<>();
        args.add(next.id());
        args.add(expectedVersion);
        args.addAll(writable(next));
        return tx.preparedQuery("update ticket set " + Sql.assignments(WRITABLE, 3)
                        + ", version = version + 1, updated_at = now() where id = $1 and version = $2 returning "
                        + COLUMNS)
                .execute(Tuple.from(args))
                .map(this::first);
    }

    /** One keyset page in (updated_at, id) order, which is what delta sync with updatedSince needs. */
    public Uni<List<Ticket>> search(SqlConnection tx, TicketQuery q, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(T_COLUMNS).append(" from ticket t where true");
        Sql.condition(sql, args, "t.assignee_id = $", q.assigneeId());
        Sql.condition(sql, args, "t.queue_id = $", q.queueId());
        Sql.condition(sql, args, "t.contact_id = $", q.contactId());
        Sql.condition(sql, args, "t.company_id = $", q.companyId());
        Sql.condition(sql, args, "t.updated_at >= $", q.updatedSince());
        if (!q.statuses().isEmpty()) {
            args.add(q.statuses().toArray(String[]::new));
            sql.append(" and t.status = any($").append(args.size()).append(')');
        }
        if (q.openOnly() || q.atRisk() || q.breached()) {
            sql.append(" and ").append(OPEN);
        }
        if (q.atRisk()) {
            sql.append(" and ((t.first_response_warned_at is not null and t.first_response_breached_at is null")
                    .append(" and t.first_response_minutes is null)")
                    .append(" or (t.resolution_warned_at is not null and t.resolution_breached_at is null))");
        }
        if (q.breached()) {
            sql.append(" and (t.first_response_breached_at is not null or t.resolution_breached_at is not null)");
        }
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(Sql.cursorId(page.after().id()));
            sql.append(" and (t.updated_at, t.id) > ($").append(args.size() - 1).append("::text::timestamptz, $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by t.updated_at, t.id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(this::all);
    }

    /** Every ticket of a contact the scope admits, oldest first (privacy export). */
    public Uni<List<Ticket>> findByContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from ticket where contact_id = $1 order by created_at, id")
                .execute(Tuple.of(contactId)).map(this::all);
    }

    /** Marks the contact's unverified tickets verified (its event arrived) and fills in the company if missing. */
    public Uni<Integer> verifyContact(SqlConnection tx, UUID contactId, UUID companyId) {
        return tx.preparedQuery("update ticket set contact_verified = true, company_id = coalesce(company_id, $2),"
                        + " version = version + 1, updated_at = now() where contact_id = $1 and not contact_verified")
                .execute(Tuple.of(contactId, companyId)).map(RowSet::rowCount);
    }

    public Uni<Integer> verifyCompany(SqlConnection tx, UUID companyId) {
        return tx.preparedQuery("update ticket set company_verified = true, version = version + 1, updated_at = now()"
                        + " where company_id = $1 and not company_verified")
                .execute(Tuple.of(companyId)).map(RowSet::rowCount);
    }

    /** After a merge in contacts-service, the merged contact's tickets belong to the survivor. */
    public Uni<Integer> repointContact(SqlConnection tx, UUID mergedId, UUID survivorId, boolean survivorKnown) {
        return tx.preparedQuery("update ticket set contact_id = $2, contact_verified = $3, version = version + 1,"
                        + " updated_at = now() where contact_id = $1")
                .execute(Tuple.of(mergedId, survivorId, survivorKnown)).map(RowSet::rowCount);
    }

    /**
     * GDPR erasure: removes what identifies or describes the person from their tickets, and from the
     * comments and attachment names of those tickets. The tickets stay (numbers, times, SLA figures) so that
     * service statistics remain true.
     */
    public Uni<Integer> anonymiseForContact(SqlConnection tx, UUID contactId, String placeholder) {
        Tuple args = Tuple.of(contactId, placeholder);
        return tx.preparedQuery("update ticket_comment set body = $2 where ticket_id in"
                        + " (select id from ticket where contact_id = $1)").execute(args)
                .flatMap(ignored -> tx.preparedQuery("update ticket_attachment set name = $2 where ticket_id in"
                        + " (select id from ticket where contact_id = $1)").execute(args))
                .flatMap(ignored -> tx.preparedQuery("update ticket set subject = $2, description = null,"
                        + " requester_email = null, rating_comment = null, custom_fields = '{}',"
                        + " version = version + 1, updated_at = now() where contact_id = $1").execute(args))
                .map(RowSet::rowCount);
    }

    private List<Object> writable(Ticket t) {
        var c = t.content();
        var cu = t.customer();
        var p = t.placement();
        SlaState s = t.sla();
        var m = t.milestones();
        Rating r = t.rating();
        return new ArrayList<>(Arrays.asList(c.subject(), c.description(), c.channel().value(), c.category(),
                c.priority().value(), t.status().value(), cu.contactId(), cu.contactVerified(), cu.companyId(),
                cu.companyVerified(), cu.requesterEmail(), cu.customerTier(), p.queueId(), p.assigneeId(), p.rule(),
                c.tags().toArray(String[]::new), json.column(c.customFields()), c.watchers().toArray(String[]::new),
                json.column(s.terms()), s.clock().elapsedMinutes(), utc(s.clock().runningSince()),
                s.firstResponseDueAt(), s.resolutionDueAt(), s.firstResponseWarnedAt(), s.firstResponseBreachedAt(),
                s.resolutionWarnedAt(), s.resolutionBreachedAt(), s.firstResponseMinutes(), s.resolutionMinutes(),
                m.firstResponseAt(), m.resolvedAt(), m.closedAt(), m.reopenedAt(), r == null ? null : r.score(),
                r == null ? null : r.comment(), r == null ? null : r.ratedAt()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private Optional<Ticket> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private List<Ticket> all(RowSet<Row> rows) {
        List<Ticket> tickets = new ArrayList<>();
        rows.forEach(row -> tickets.add(map(row)));
        return tickets;
    }

    private Ticket map(Row row) {
        TicketContent content = new TicketContent(row.getString("subject"), row.getString("description"),
                Channel.of(row.getString("channel")), row.getString("category"), Priority.of(row.getString("priority")),
                strings(row, "tags"), json.read(row, "custom_fields", ObjectNode.class), strings(row, "watchers"));
        CustomerLink customer = new CustomerLink(row.getUUID("contact_id"), row.getBoolean("contact_verified"),
                row.getUUID("company_id"), row.getBoolean("company_verified"), row.getString("requester_email"),
                row.getString("customer_tier"));
        QueuePlacement placement = new QueuePlacement(row.getUUID("queue_id"), row.getString("assignee_id"),
                row.getString("routing_rule"));
        OffsetDateTime runningSince = row.getOffsetDateTime("clock_running_since");
        SlaState sla = new SlaState(json.read(row, "sla_terms", SlaTerms.class),
                new SlaClock(row.getLong("clock_elapsed_minutes"), runningSince == null ? null : runningSince.toInstant()),
                row.getLong("first_response_minutes"), row.getLong("resolution_minutes"),
                row.getOffsetDateTime("first_response_warned_at"), row.getOffsetDateTime("first_response_breached_at"),
                row.getOffsetDateTime("resolution_warned_at"), row.getOffsetDateTime("resolution_breached_at"),
                row.getOffsetDateTime("first_response_due_at"), row.getOffsetDateTime("resolution_due_at"));
        Milestones milestones = new Milestones(row.getOffsetDateTime("first_response_at"),
                row.getOffsetDateTime("resolved_at"), row.getOffsetDateTime("closed_at"),
                row.getOffsetDateTime("reopened_at"));
        Integer score = row.getInteger("rating");
        Rating rating = score == null ? null
                : new Rating(score, row.getString("rating_comment"), row.getOffsetDateTime("rated_at"));
        return new Ticket(row.getUUID("id"), row.getLong("number"), row.getString("unit_id"),
                TicketStatus.of(row.getString("status")), content, customer, placement, sla, milestones, rating,
                row.getInteger("version"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }
}
