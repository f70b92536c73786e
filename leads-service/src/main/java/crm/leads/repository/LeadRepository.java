package crm.leads.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.leads.domain.Channel;
import crm.leads.domain.CompanySize;
import crm.leads.domain.Consent;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.Salutation;
import crm.leads.domain.Score;
import crm.leads.domain.SlaTrack;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for leads. No statement names the tenant: the connection comes from TenantScope, and row-level
 * security scopes every read and write to the caller's tenant and unit. A lead is written whole: callers
 * read it, derive the next state and {@link #update} it under an optimistic version check.
 */
@ApplicationScoped
public class LeadRepository {

    static final String OPEN = "('new', 'contacted', 'qualified', 'nurture')";

    /** Every stored column but the audit ones; the order of {@link #values}. */
    private static final List<String> WRITTEN = List.of("unit_id", "status", "salutation", "first_name", "last_name",
            "email", "phone", "company_name", "company_domain", "company_size", "postal_code", "city", "country_code",
            "products_of_interest", "campaign_id", "source_details", "message", "channel", "form_key", "email_key",
            "phone_key", "consent", "owner_id", "queue", "routing_reason", "territory_id", "score",
            "score_explanation", "contact_id", "upsell", "form_fills", "last_engaged_at", "sla_minutes",
            "sla_warn_at", "sla_due_at", "sla_breached_at", "first_contact_at", "status_reason", "nurture_until",
            "converted_at", "opportunity_id", "captured_at", "anonymised_at");
    private static final String COLUMNS = "id, " + String.join(", ", WRITTEN)
            + ", version, created_by, created_at, updated_at";

    private final Json json;

    public LeadRepository(Json json) {
        this.json = json;
    }

    public Uni<Lead> insert(SqlConnection tx, Lead lead) {
        List<Object> args = new ArrayList<>();
        args.add(lead.id());
        args.addAll(values(lead));
        args.add(lead.createdBy());
        StringBuilder placeholders = new StringBuilder();
        for (int i = 1; i <= args.size(); i++) {
            placeholders.append(i == 1 ? "" : ", ").append('$').append(i);
        }
        return tx.preparedQuery("insert into lead (id, " + String.join(", ", WRITTEN) + ", created_by) values ("
                        + placeholders + ") returning " + COLUMNS)
                .execute(Tuple.from(args))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Lead>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from lead where id = $1").execute(Tuple.of(id))
                .map(this::first);
    }

    /** Reads and locks the lead for the rest of the transaction: for system work that must not lose a race. */
    public Uni<Optional<Lead>> lock(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from lead where id = $1 for update").execute(Tuple.of(id))
                .map(this::first);
    }

    /**
     * Writes {@code next} if the stored row still has {@code next.version()}; the stored version goes up by
     * one. Empty when someone else changed the lead first: the version check sits in the where clause, so of
     * two concurrent updates based on one version only the first succeeds.
     */
    public Uni<Optional<Lead>> update(SqlConnection tx, Lead next) {
        List<Object> args = new ArrayList<>();
        args.add(next.id());
        args.add(next.version());
        args.addAll(values(next));
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < WRITTEN.size(); i++) {
            set.append(WRITTEN.get(i)).append(" = $").append(i + 3).append(", ");
        }
        return tx.preparedQuery("update lead set " + set + "version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(args))
                .map(this::first);
    }

    /** The open lead a new capture with this e-mail or phone key belongs to, the most recently captured first. */
    public Uni<Optional<Lead>> findOpenMatch(SqlConnection tx, String emailKey, String phoneKey) {
        if (emailKey == null && phoneKey == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("select " + COLUMNS + " from lead where status in " + OPEN
                        + " and ((email_key = $1 and $1 is not null) or (phone_key = $2 and $2 is not null))"
                        + " order by captured_at desc, id limit 1 for update")
                .execute(Tuple.of(emailKey, phoneKey))
                .map(this::first);
    }

    /** Open leads per owner in a unit: the load least-loaded routing and capacities look at. */
    public Uni<Map<String, Integer>> openLeadsPerOwner(SqlConnection tx, String unitId) {
        return tx.preparedQuery("select owner_id, count(*)::int as open from lead where unit_id = $1"
                        + " and owner_id is not null and status in " + OPEN + " group by owner_id")
                .execute(Tuple.of(unitId))
                .map(rows -> {
                    Map<String, Integer> loads = new HashMap<>();
                    rows.forEach(row -> loads.put(row.getString("owner_id"), row.getInteger("open")));
                    return loads;
                });
    }

    /** The leads linked to a contact, or carrying one of its keys: what a person's export and erasure cover. */
    public Uni<List<Lead>> findOfPerson(SqlConnection tx, UUID contactId, String emailKey, String phoneKey) {
        return tx.preparedQuery("select " + COLUMNS + " from lead where contact_id = $1"
                        + " or (email_key = $2 and $2 is not null) or (phone_key = $3 and $3 is not null)"
                        + " order by captured_at, id")
                .execute(Tuple.of(contactId, emailKey, phoneKey))
                .map(this::all);
    }

    /** Re-points leads of a contact that was merged into another. */
    public Uni<Integer> repointContact(SqlConnection tx, UUID from, UUID to) {
        return tx.preparedQuery("update lead set contact_id = $2, version = version + 1, updated_at = now()"
                        + " where contact_id = $1")
                .execute(Tuple.of(from, to))
                .map(RowSet::rowCount);
    }

    /** One keyset page in (updated_at, id) order, so paging and {@code updatedSince} delta sync agree. */
    public Uni<List<Lead>> list(SqlConnection tx, LeadQuery q, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from lead where true");
        if (q.view() != null) {
            switch (q.view()) {
                case MINE -> {
                    args.add(q.subject());
                    sql.append(" and owner_id = $").append(args.size()).append(" and status in ").append(OPEN);
                }
                case AT_RISK -> sql.append(" and status = 'new' and first_contact_at is null")
                        .append(" and sla_breached_at is null and sla_warn_at <= now()");
                case BREACHED -> sql.append(" and status = 'new' and first_contact_at is null")
                        .append(" and sla_breached_at is not null");
                case HQ_QUEUE -> sql.append(" and status in ").append(OPEN)
                        .append(" and queue = 'hq' and owner_id is null");
            }
        }
        if (!q.statuses().isEmpty()) {
            args.add(q.statuses().stream().map(LeadStatus::value).toArray(String[]::new));
            sql.append(" and status = any($").append(args.size()).append(')');
        }
        condition(sql, args, "contact_id = $", q.contactId());
        condition(sql, args, "channel = $", q.channel() == null ? null : q.channel().value());
        condition(sql, args, "campaign_id = $", q.campaignId());
        condition(sql, args, "owner_id = $", q.ownerId());
        condition(sql, args, "updated_at >= $", q.updatedSince());
        if (page.after() != null) {
            args.add(timestamp(page.after().sortKey()));
            args.add(id(page.after().id()));
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(this::all);
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(clause).append(args.size());
        }
    }

    static OffsetDateTime timestamp(String cursorKey) {
        try {
            return OffsetDateTime.parse(cursorKey);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    static UUID id(String cursorId) {
        try {
            return UUID.fromString(cursorId);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    private List<Object> values(Lead l) {
        LeadDetails d = l.details();
        SlaTrack sla = l.sla();
        return new ArrayList<>(Arrays.asList(l.unitId(), l.status().value(),
                d.salutation() == null ? null : d.salutation().value(), d.firstName(), d.lastName(), d.email(),
                d.phone(), d.companyName(), d.companyDomain(), d.companySize() == null ? null : d.companySize().value(),
                d.postalCode(), d.city(), d.countryCode(), d.productsOfInterest().toArray(String[]::new),
                d.campaignId(), d.sourceDetails(), d.message(), l.channel().value(), l.formKey(), d.emailKey(),
                d.phoneKey(), json.column(l.consent()), l.ownerId(), l.queue().value(), l.routingReason(),
                l.territoryId(), l.score().points(), json.column(l.score().explanation()), l.contactId(), l.upsell(),
                l.formFills(), l.lastEngagedAt(), sla.minutes(), sla.warnAt(), sla.dueAt(), sla.breachedAt(),
                sla.firstContactAt(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt()));
    }

    private Optional<Lead> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private List<Lead> all(RowSet<Row> rows) {
        List<Lead> leads = new ArrayList<>();
        rows.forEach(row -> leads.add(map(row)));
        return leads;
    }

    private Lead map(Row row) {
        String[] products = row.getArrayOfStrings("products_of_interest");
        LeadDetails details = new LeadDetails(Salutation.of(row.getString("salutation")), row.getString("first_name"),
                row.getString("last_name"), row.getString("email"), row.getString("phone"),
                row.getString("company_name"), row.getString("company_domain"),
                CompanySize.of(row.getString("company_size")), row.getString("postal_code"), row.getString("city"),
                row.getString("country_code"), products == null ? List.of() : List.of(products),
                row.getUUID("campaign_id"), row.getString("source_details"), row.getString("message"));
        List<Score.Line> explanation = json.read(row.getValue("score_explanation"),
                new TypeReference<List<Score.Line>>() { });
        SlaTrack sla = new SlaTrack(row.getInteger("sla_minutes"), row.getOffsetDateTime("sla_warn_at"),
                row.getOffsetDateTime("sla_due_at"), row.getOffsetDateTime("sla_breached_at"),
                row.getOffsetDateTime("first_contact_at"));
        return new Lead(row.getUUID("id"), row.getString("unit_id"), details, Channel.of(row.getString("channel")),
                row.getString("form_key"), LeadStatus.of(row.getString("status")), row.getString("owner_id"),
                LeadQueue.of(row.getString("queue")), row.getString("routing_reason"), row.getString("territory_id"),
                new Score(row.getInteger("score"), explanation == null ? List.of() : explanation),
                row.getUUID("contact_id"), row.getBoolean("upsell"), json.read(row.getValue("consent"), Consent.class),
                row.getInteger("form_fills"), row.getOffsetDateTime("last_engaged_at"), sla,
                row.getString("status_reason"), row.getLocalDate("nurture_until"),
                row.getOffsetDateTime("converted_at"), row.getUUID("opportunity_id"),
                row.getOffsetDateTime("captured_at"), row.getOffsetDateTime("anonymised_at"),
                row.getInteger("version"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
