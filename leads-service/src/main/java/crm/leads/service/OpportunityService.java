package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.config.SalesConfig;
import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityDetails;
import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.OpportunityStatus;
import crm.leads.domain.StageDefinition;
import crm.leads.domain.StagePipeline;
import crm.leads.events.OpportunityEvents;
import crm.leads.repository.CampaignRepository;
import crm.leads.repository.OpportunityHistoryRepository;
import crm.leads.repository.OpportunityRepository;
import crm.leads.repository.StageRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
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
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opening, reading, listing and editing opportunities through the API. Stage moves, winning and losing
 * are {@link OpportunityWorkflow}'s.
 */
@ApplicationScoped
public class OpportunityService {

    static final String CREATE_OPERATION = "POST /api/v1/opportunities";

    /** Filters of the opportunity list as the API receives them. */
    public record OpportunityListParams(String status, String contactId, String leadId, String campaignId,
                                        String stage, String ownerId, String updatedSince) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final OpportunityRepository opportunities;
    private final OpportunityHistoryRepository history;
    private final StageRepository stages;
    private final CampaignRepository campaigns;
    private final OpportunityLinePricer pricer;
    private final Outbox outbox;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;
    private final SalesConfig config;

    public OpportunityService(TenantScope scope, CurrentTenant currentTenant, OpportunityRepository opportunities,
                              OpportunityHistoryRepository history, StageRepository stages,
                              CampaignRepository campaigns, OpportunityLinePricer pricer, Outbox outbox,
                              IdempotentRequests idempotency, PatchedRequest patches, SalesConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.opportunities = opportunities;
        this.history = history;
        this.stages = stages;
        this.campaigns = campaigns;
        this.pricer = pricer;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.patches = patches;
        this.config = config;
    }

    /** Opens an opportunity with its history's first entry and {@code crm.opportunity.opened.v1}, once per key. */
    public Uni<StoredResponse> createOpportunity(@Valid @NotNull NewOpportunity request, IdempotencyKey key,
                                                 Function<Opportunity, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> requireCampaign(tx, request.campaignId()).flatMap(ignored -> stages.find(tx)).flatMap(pipeline -> {
                    StageDefinition stage = startingStage(pipeline, request.stage());
                    return toDetails(tx, request, context, List.of())
                            .flatMap(details -> opportunities.insert(tx, UUID.randomUUID(), null, details,
                                    stage.key(), stage.probability(), context.subject()));
                })
                        .call(saved -> history.record(tx, saved, null, null, context.subject()))
                        .call(saved -> outbox.append(tx, OpportunityEvents.opened(context.tenantId(), saved)))
                        .map(respond)));
    }

    public Uni<Opportunity> findOpportunity(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> opportunities.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Opportunity>> listOpportunities(OpportunityListParams p, PageRequest page) {
        OpportunityStatus status;
        try {
            status = p.status() == null || p.status().isBlank() ? null : OpportunityStatus.parse(p.status().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", e.getMessage());
        }
        OpportunityRepository.OpportunityQuery query = new OpportunityRepository.OpportunityQuery(status,
                SalesInputs.uuid("contactId", p.contactId()), SalesInputs.uuid("leadId", p.leadId()),
                SalesInputs.uuid("campaignId", p.campaignId()), SalesInputs.text("stage", p.stage(), 40),
                SalesInputs.text("ownerId", p.ownerId(), 100), SalesInputs.instant("updatedSince", p.updatedSince()));
        return scope.inTransaction(currentTenant.get(), tx -> opportunities.list(tx, query, page))
                .map(rows -> Page.of(rows, page, o -> new Cursor(o.updatedAt().toString(), o.id().toString())));
    }

    /**
     * PATCH: a JSON merge patch on the settable fields, validated as a whole. Only open opportunities can
     * be edited (a won deal's figures are history and were published); the stage moves through POST .../stage.
     */
    public Uni<Opportunity> patchOpportunity(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> opportunities.findById(tx, id).flatMap(found -> {
            Opportunity current = found.orElseThrow(() -> notFound(id));
            expected.check("Opportunity " + id, current.version());
            current.requireOpen("edited");
            NewOpportunity request = patches.apply(toRequest(current, patch), patch, NewOpportunity.class);
            if (!Objects.equals(request.stage(), current.stage())) {
                throw ProblemException.badRequest("stage", "moves with POST /api/v1/opportunities/" + id + "/stage");
            }
            return toDetails(tx, request, context, current.details().lines()).flatMap(next -> {
                if (next.equals(current.details())) {
                    return Uni.createFrom().item(current);
                }
                Uni<Void> campaign = Objects.equals(next.campaignId(), current.details().campaignId())
                        ? Uni.createFrom().voidItem() : requireCampaign(tx, next.campaignId());
                return campaign.flatMap(ignored -> opportunities.update(tx, id, current.version(), next))
                        .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Opportunity " + id)))
                        .call(updated -> Objects.equals(updated.unitId(), current.unitId()) ? Uni.createFrom().voidItem()
                                : history.moveToUnit(tx, id, updated.unitId()));
            });
        }));
    }

    /** The request normalised: its lines priced against the catalogue, its unit decided. */
    private Uni<OpportunityDetails> toDetails(SqlConnection tx, NewOpportunity r, TenantContext context,
                                              List<OpportunityLine> currentLines) {
        String currency = SalesInputs.currency("currency", r.currency(), config.defaultCurrency());
        String unit = SalesInputs.unitFor(context, r.unitId(), "opportunities");
        SalesInputs.sensibleDate("expectedCloseOn", r.expectedCloseOn());
        boolean hasLines = r.lines() != null && !r.lines().isEmpty();
        if (hasLines && r.amount() != null) {
            throw ProblemException.badRequest("amount", "is the sum of the lines; leave it out when sending lines");
        }
        return pricer.price(tx, r.lines(), currency, currentLines).map(lines ->
                new OpportunityDetails(r.name().strip(),
                        hasLines ? OpportunityPricing.amount(lines) : OpportunityPricing.money(r.amount()), currency,
                        r.expectedCloseOn(), r.ownerId() == null || r.ownerId().isBlank() ? context.subject()
                                : r.ownerId().strip(),
                        r.contactId(), r.companyId(), r.campaignId(), unit, lines));
    }

    /**
     * The request shape of the current state, for a merge patch. The amount is left out where lines decide
     * it: when the deal has lines, and when the patch brings lines without an amount of its own (the lines
     * then replace the estimate).
     */
    private static NewOpportunity toRequest(Opportunity o, JsonNode patch) {
        OpportunityDetails d = o.details();
        List<NewOpportunity.Line> lines = d.lines().stream()
                .map(l -> new NewOpportunity.Line(l.sku(), l.quantity(), l.unitPrice(), l.discountPercent()))
                .toList();
        boolean patchBringsLines = patch.path("lines").isArray() && !patch.path("lines").isEmpty()
                && !patch.has("amount");
        return new NewOpportunity(d.name(), o.stage(), lines.isEmpty() && !patchBringsLines ? d.amount() : null,
                d.currency(), d.expectedCloseOn(), d.ownerId(), d.contactId(), d.companyId(), d.campaignId(),
                d.unitId(), lines);
    }

    private static StageDefinition startingStage(StagePipeline pipeline, String requested) {
        if (requested == null || requested.isBlank()) {
            return pipeline.first();
        }
        return pipeline.find(requested.strip()).orElseThrow(() -> ProblemException.badRequest("stage",
                "must be one of the open stages " + String.join(", ", pipeline.keys())));
    }

    /** A campaign must be one the caller can see: the tenant's brand-wide ones or the unit's own. */
    Uni<Void> requireCampaign(SqlConnection tx, UUID campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().voidItem();
        }
        return campaigns.exists(tx, campaignId).map(exists -> {
            if (!exists) {
                throw ProblemException.badRequest("campaignId", "no such campaign");
            }
            return null;
        });
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Opportunity " + id);
    }
}
