package crm.leads.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityDetails;
import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityStatus;
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

/** SQL for opportunities; like all repositories it never names the tenant or unit (row-level security scopes it). */
@ApplicationScoped
public class OpportunityRepository {

    static final String COLUMNS = "id, unit_id, lead_id, contact_id, company_id, campaign_id, name, stage, probability,"
            + " status, amount, currency, expected_close_on, owner_id, lines, lost_reason, closed_at, version,"
            + " created_by, created_at, updated_at";
    private static final TypeReference<List<OpportunityLine>> LINES = new TypeReference<>() {
    };

    /** Filters of the opportunity list; null means "any". */
    public record OpportunityQuery(OpportunityStatus status, UUID contactId, UUID leadId, UUID campaignId, String stage,
                                   String ownerId, OffsetDateTime updatedSince) {
    }

    private final Json json;

    public OpportunityRepository(Json json) {
        this.json = json;
    }

    public Uni<Opportunity> insert(SqlConnection tx, UUID id, UUID leadId, OpportunityDetails d, String stage,
                                   int probability, String createdBy) {
        return tx.preparedQuery("insert into opportunity (id, unit_id, lead_id, contact_id, company_id, campaign_id, name,"
                        + " stage, probability, amount, currency, expected_close_on, owner_id, lines, created_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, d.unitId(), leadId, d.contactId(), d.companyId(), d.campaignId(),
                        d.name(), stage, probability, d.amount(), d.currency(), d.expectedCloseOn(), d.ownerId(),
                        json.column(d.lines()), createdBy}))
                .map(rows -> map(rows.iterator().next()));
    }

    /** The opportunity, locked for the rest of the transaction so that a workflow step sees no concurrent one. */
    public Uni<Optional<Opportunity>> findForUpdate(SqlConnection tx, UUID id) {
        return find(tx, id, " for update");
    }

    public Uni<Optional<Opportunity>> findById(SqlConnection tx, UUID id) {
        return find(tx, id, "");
    }

    private Uni<Optional<Opportunity>> find(SqlConnection tx, UUID id, String lock) {
        return tx.preparedQuery("select " + COLUMNS + " from opportunity where id = $1" + lock).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Replaces the settable fields if the row still has {@code expectedVersion}; empty if it has not. */
    public Uni<Optional<Opportunity>> update(SqlConnection tx, UUID id, int expectedVersion, OpportunityDetails d) {
        return tx.preparedQuery("update opportunity set unit_id = $3, contact_id = $4, company_id = $5, campaign_id = $6,"
                        + " name = $7, amount = $8, currency = $9, expected_close_on = $10, owner_id = $11, lines = $12,"
                        + " version = version + 1, updated_at = now() where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, d.unitId(), d.contactId(), d.companyId(),
                        d.campaignId(), d.name(), d.amount(), d.currency(), d.expectedCloseOn(), d.ownerId(),
                        json.column(d.lines())}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Moves an open opportunity to another open stage (the row is locked by the caller). */
    public Uni<Opportunity> moveToStage(SqlConnection tx, UUID id, String stage, int probability) {
        return tx.preparedQuery("update opportunity set stage = $2, probability = $3, version = version + 1,"
                        + " updated_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, stage, probability))
                .map(rows -> map(rows.iterator().next()));
    }

    /**
     * Ends an opportunity as won or lost (the row is locked by the caller). A won deal's expected close
     * becomes the day it was actually won, so forecasts count it in that month.
     */
    public Uni<Opportunity> close(SqlConnection tx, UUID id, OpportunityStatus outcome, String lostReason,
                                  java.time.LocalDate closedOn) {
        return tx.preparedQuery("update opportunity set status = $2, stage = $2, probability = $3, lost_reason = $4,"
                        + " closed_at = now(), expected_close_on = coalesce($5, expected_close_on),"
                        + " version = version + 1, updated_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, outcome.value(), outcome == OpportunityStatus.WON ? 100 : 0,
                        lostReason, closedOn}))
                .map(rows -> map(rows.iterator().next()));
    }

    /** Keyset page ordered by (updated_at, id), so that delta sync and paging agree. */
    public Uni<List<Opportunity>> list(SqlConnection tx, OpportunityQuery q, PageRequest page) {
        return new KeysetQuery("select " + COLUMNS + " from opportunity where true")
                .and("status = ?", q.status() == null ? null : q.status().value())
                .and("contact_id = ?", q.contactId())
                .and("lead_id = ?", q.leadId())
                .and("campaign_id = ?", q.campaignId())
                .and("stage = ?", q.stage())
                .and("owner_id = ?", q.ownerId())
                .and("updated_at >= ?", q.updatedSince())
                .after(page)
                .fetch(tx, page)
                .map(this::mapAll);
    }

    public Uni<List<Opportunity>> findByContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from opportunity where contact_id = $1 order by created_at, id")
                .execute(Tuple.of(contactId)).map(this::mapAll);
    }

    /** The lead's opportunities that do not know their contact yet learn it; answers how many did. */
    public Uni<Integer> linkContact(SqlConnection tx, UUID leadId, UUID contactId) {
        return tx.preparedQuery("update opportunity set contact_id = $2, version = version + 1, updated_at = now()"
                        + " where lead_id = $1 and contact_id is null")
                .execute(Tuple.of(leadId, contactId))
                .map(rows -> rows.rowCount());
    }

    /**
     * Erasure: the deal stays (its figures are the business's, not the person's), but everything that
     * could identify the person goes: the link to the contact, the name (often "Bike for Ms Schulz") and
     * the free-text loss reason, here and in the history.
     */
    public Uni<Integer> anonymise(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("with erased as (update opportunity set contact_id = null, name = 'Anonymised opportunity',"
                        + " lost_reason = case when lost_reason is null then null else 'anonymised' end,"
                        + " version = version + 1, updated_at = now() where contact_id = $1 returning id)"
                        + " update opportunity_stage_change set reason = 'anonymised'"
                        + " where reason is not null and opportunity_id in (select id from erased)")
                .execute(Tuple.of(contactId))
                .map(rows -> rows.rowCount());
    }

    private List<Opportunity> mapAll(Iterable<Row> rows) {
        List<Opportunity> opportunities = new ArrayList<>();
        rows.forEach(row -> opportunities.add(map(row)));
        return opportunities;
    }

    private Opportunity map(Row row) {
        List<OpportunityLine> lines = json.read(row.getValue("lines"), LINES);
        OpportunityDetails details = new OpportunityDetails(row.getString("name"), row.getBigDecimal("amount"),
                row.getString("currency"), row.getLocalDate("expected_close_on"), row.getString("owner_id"),
                row.getUUID("contact_id"), row.getUUID("company_id"), row.getUUID("campaign_id"),
                row.getString("unit_id"), lines);
        return new Opportunity(row.getUUID("id"), row.getUUID("lead_id"), details, row.getString("stage"),
                row.getInteger("probability"), OpportunityStatus.of(row.getString("status")),
                row.getString("lost_reason"), row.getOffsetDateTime("closed_at"), row.getInteger("version"),
                row.getString("created_by"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
