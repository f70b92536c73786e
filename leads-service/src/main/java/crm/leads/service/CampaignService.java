package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.config.SalesConfig;
import crm.leads.domain.Campaign;
import crm.leads.domain.CampaignDetails;
import crm.leads.domain.Channel;
import crm.leads.domain.OpportunityPricing;
import crm.leads.events.CampaignEvents;
import crm.leads.repository.CampaignRepository;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import java.util.function.Function;

/**
 * Marketing campaigns. HQ runs brand-wide campaigns (every unit sees them and may attribute leads to
 * them) and may run campaigns for a unit; a franchisee runs its own unit's campaigns only. Every change
 * publishes the whole state as {@code crm.campaign.upserted.v1}.
 */
@ApplicationScoped
public class CampaignService {

    static final String CREATE_OPERATION = "POST /api/v1/campaigns";

    /** Filters of the campaign list as the API receives them. */
    public record CampaignListParams(String channel, String activeOn, String unitId, String updatedSince) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final CampaignRepository campaigns;
    private final Outbox outbox;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;
    private final SalesConfig config;

    public CampaignService(TenantScope scope, CurrentTenant currentTenant, CampaignRepository campaigns, Outbox outbox,
                           IdempotentRequests idempotency, PatchedRequest patches, SalesConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.patches = patches;
        this.config = config;
    }

    public Uni<StoredResponse> createCampaign(@Valid @NotNull NewCampaign request, IdempotencyKey key,
                                              Function<Campaign, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        CampaignDetails details = toDetails(request, context);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> campaigns.insert(tx, UUID.randomUUID(), details, context.subject())
                        .call(saved -> outbox.append(tx, CampaignEvents.upserted(context.tenantId(), saved)))
                        .map(respond)));
    }

    public Uni<Campaign> findCampaign(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> campaigns.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Campaign>> listCampaigns(CampaignListParams params, PageRequest page) {
        Channel channel;
        try {
            channel = params.channel() == null || params.channel().isBlank() ? null : Channel.of(params.channel().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", e.getMessage());
        }
        CampaignRepository.CampaignQuery query = new CampaignRepository.CampaignQuery(channel,
                SalesInputs.date("activeOn", params.activeOn()), SalesInputs.text("unitId", params.unitId(), 64),
                SalesInputs.instant("updatedSince", params.updatedSince()));
        return scope.inTransaction(currentTenant.get(), tx -> campaigns.list(tx, query, page))
                .map(rows -> Page.of(rows, page, c -> new Cursor(c.updatedAt().toString(), c.id().toString())));
    }

    public Uni<Campaign> replaceCampaign(UUID id, ExpectedVersion expected, @Valid @NotNull NewCampaign request) {
        return update(id, expected, current -> request);
    }

    public Uni<Campaign> patchCampaign(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        return update(id, expected, current -> patches.apply(toRequest(current.details()), patch, NewCampaign.class));
    }

    private Uni<Campaign> update(UUID id, ExpectedVersion expected, Function<Campaign, NewCampaign> requestFor) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> campaigns.findById(tx, id).flatMap(found -> {
            Campaign current = found.orElseThrow(() -> notFound(id));
            if (current.brandWide() && !context.isBrandWide()) {
                throw ProblemException.forbidden("Brand-wide campaigns are maintained by headquarters");
            }
            expected.check("Campaign " + id, current.version());
            CampaignDetails next = toDetails(requestFor.apply(current), context);
            if (next.equals(current.details())) {
                return Uni.createFrom().item(current);
            }
            return campaigns.update(tx, id, current.version(), next)
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Campaign " + id)))
                    .call(updated -> outbox.append(tx, CampaignEvents.upserted(context.tenantId(), updated)));
        }));
    }

    private CampaignDetails toDetails(NewCampaign r, TenantContext context) {
        SalesInputs.sensibleDate("startsOn", r.startsOn());
        SalesInputs.sensibleDate("endsOn", r.endsOn());
        if (r.endsOn() != null && r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        return new CampaignDetails(r.name().strip(), r.channel(), r.startsOn(), r.endsOn(),
                OpportunityPricing.money(r.budget()), SalesInputs.currency("currency", r.currency(), config.defaultCurrency()),
                SalesInputs.unitFor(context, r.unitId(), "campaigns"));
    }

    private static NewCampaign toRequest(CampaignDetails d) {
        return new NewCampaign(d.name(), d.channel(), d.startsOn(), d.endsOn(), d.budget(), d.currency(), d.unitId());
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Campaign " + id);
    }
}
