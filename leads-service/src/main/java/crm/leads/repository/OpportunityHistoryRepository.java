package crm.leads.repository;

import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityStageChange;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only stage history of opportunities. */
@ApplicationScoped
public class OpportunityHistoryRepository {

    private static final String COLUMNS = "id, opportunity_id, from_stage, to_stage, probability, amount, currency,"
            + " reason, changed_by, changed_at";

    /** Records that {@code now} reached its current stage from {@code from} (null when it was just opened). */
    public Uni<Void> record(SqlConnection tx, Opportunity now, String from, String reason, String changedBy) {
        return tx.preparedQuery("insert into opportunity_stage_change (unit_id, opportunity_id, from_stage, to_stage,"
                        + " probability, amount, currency, reason, changed_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {now.unitId(), now.id(), from, now.stage(), now.probability(),
                        now.details().amount(), now.details().currency(), reason, changedBy}))
                .replaceWithVoid();
    }

    /** The history follows its opportunity into another unit, so the new unit sees it and the old one no longer does. */
    public Uni<Void> moveToUnit(SqlConnection tx, UUID opportunityId, String unitId) {
        return tx.preparedQuery("update opportunity_stage_change set unit_id = $2 where opportunity_id = $1")
                .execute(Tuple.of(opportunityId, unitId))
                .replaceWithVoid();
    }

    /** Oldest first, paged by the history row's id. */
    public Uni<List<OpportunityStageChange>> list(SqlConnection tx, UUID opportunityId, PageRequest page) {
        long after = 0;
        if (page.after() != null) {
            try {
                after = Long.parseLong(page.after().id());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
            }
        }
        return tx.preparedQuery("select " + COLUMNS + " from opportunity_stage_change where opportunity_id = $1"
                        + " and id > $2 order by id limit $3")
                .execute(Tuple.of(opportunityId, after, page.fetchSize()))
                .map(rows -> {
                    List<OpportunityStageChange> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(map(row)));
                    return changes;
                });
    }

    /** The whole history of the opportunities of a contact, for the privacy export. */
    public Uni<List<OpportunityStageChange>> listAll(SqlConnection tx, UUID opportunityId) {
        return tx.preparedQuery("select " + COLUMNS + " from opportunity_stage_change where opportunity_id = $1 order by id")
                .execute(Tuple.of(opportunityId))
                .map(rows -> {
                    List<OpportunityStageChange> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(map(row)));
                    return changes;
                });
    }

    private static OpportunityStageChange map(Row row) {
        return new OpportunityStageChange(row.getLong("id"), row.getUUID("opportunity_id"), row.getString("from_stage"),
                row.getString("to_stage"), row.getInteger("probability"), row.getBigDecimal("amount"),
                row.getString("currency"), row.getString("reason"), row.getString("changed_by"),
                row.getOffsetDateTime("changed_at"));
    }
}
