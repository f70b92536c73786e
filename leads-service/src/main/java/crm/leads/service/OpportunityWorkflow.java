package crm.leads.service;

import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityStageChange;
import crm.leads.domain.OpportunityStatus;
import crm.leads.domain.StageDefinition;
import crm.leads.domain.StagePipeline;
import crm.leads.events.OpportunityEvents;
import crm.leads.repository.OpportunityHistoryRepository;
import crm.leads.repository.OpportunityRepository;
import crm.leads.repository.StageRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An opportunity's way through the pipeline: moves between open stages, then won or lost, each step
 * recorded in its history and published. Won and lost are final: any further step is a 409. The row is
 * locked for the step, so two people winning and losing the same deal at once cannot both succeed.
 */
@ApplicationScoped
public class OpportunityWorkflow {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final OpportunityRepository opportunities;
    private final OpportunityHistoryRepository history;
    private final StageRepository stages;
    private final Outbox outbox;

    public OpportunityWorkflow(TenantScope scope, CurrentTenant currentTenant, OpportunityRepository opportunities,
                               OpportunityHistoryRepository history, StageRepository stages, Outbox outbox) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.opportunities = opportunities;
        this.history = history;
        this.stages = stages;
        this.outbox = outbox;
    }

    /** Moves to another open stage; moving to the stage it is in changes nothing. */
    public Uni<Opportunity> moveToStage(UUID id, ExpectedVersion expected,
                                        @Valid @NotNull OpportunityTransitions.StageMove request) {
        String key = request.stage().strip();
        if (StagePipeline.isOutcome(key)) {
            throw ProblemException.badRequest("stage", "use POST /api/v1/opportunities/" + id + "/" + (
                    StagePipeline.WON.equals(key) ? "win" : "lose") + " to end an opportunity");
        }
        return step(id, expected, "moved", (tx, context, current) -> stages.find(tx).flatMap(pipeline -> {
            StageDefinition stage = pipeline.find(key).orElseThrow(() -> ProblemException.badRequest("stage",
                    "must be one of the open stages " + String.join(", ", pipeline.keys())));
            if (stage.key().equals(current.stage()) && stage.probability() == current.probability()) {
                return Uni.createFrom().item(current);
            }
            return opportunities.moveToStage(tx, id, stage.key(), stage.probability())
                    .call(moved -> history.record(tx, moved, current.stage(), null, context.subject()))
                    .call(moved -> outbox.append(tx, OpportunityEvents.stageChanged(context.tenantId(), moved,
                            current.stage(), context.subject())));
        }));
    }

    /** Wins it: probability 100 %, and the expected close becomes the day it was won. */
    public Uni<Opportunity> win(UUID id, ExpectedVersion expected, OpportunityTransitions.Win request) {
        LocalDate closedOn = closedOn(request == null ? null : request.closedOn());
        return step(id, expected, "won", (tx, context, current) ->
                opportunities.close(tx, id, OpportunityStatus.WON, null, closedOn)
                        .call(won -> history.record(tx, won, current.stage(), null, context.subject()))
                        .call(won -> outbox.append(tx, OpportunityEvents.won(context.tenantId(), won))));
    }

    /** Loses it with a reason: probability 0 %, out of every forecast. */
    public Uni<Opportunity> lose(UUID id, ExpectedVersion expected, @Valid @NotNull OpportunityTransitions.Loss request) {
        LocalDate closedOn = closedOn(request.closedOn());
        String reason = request.reason().strip();
        return step(id, expected, "lost", (tx, context, current) ->
                opportunities.close(tx, id, OpportunityStatus.LOST, reason, closedOn)
                        .call(lost -> history.record(tx, lost, current.stage(), reason, context.subject()))
                        .call(lost -> outbox.append(tx, OpportunityEvents.lost(context.tenantId(), lost,
                                current.stage()))));
    }

    /** The stage history, oldest first; 404 for an opportunity the caller cannot see. */
    public Uni<Page<OpportunityStageChange>> history(UUID id, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> opportunities.findById(tx, id).flatMap(found -> {
            if (found.isEmpty()) {
                throw OpportunityService.notFound(id);
            }
            return history.list(tx, id, page);
        })).map(rows -> Page.of(rows, page, c -> new Cursor(String.valueOf(c.id()), String.valueOf(c.id()))));
    }

    @FunctionalInterface
    private interface Step {
        Uni<Opportunity> apply(SqlConnection tx, TenantContext context, Opportunity current);
    }

    private Uni<Opportunity> step(UUID id, ExpectedVersion expected, String action, Step step) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> opportunities.findForUpdate(tx, id).flatMap(found -> {
            Opportunity current = found.orElseThrow(() -> OpportunityService.notFound(id));
            current.requireOpen(action);
            expected.check("Opportunity " + id, current.version());
            return step.apply(tx, context, current);
        }));
    }

    private static LocalDate closedOn(LocalDate requested) {
        return requested == null ? LocalDate.now(ZoneOffset.UTC) : SalesInputs.sensibleDate("closedOn", requested);
    }
}
