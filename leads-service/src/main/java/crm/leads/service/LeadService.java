package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.domain.Channel;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadStatus;
import crm.leads.repository.CampaignRepository;
import crm.leads.repository.LeadQuery;
import crm.leads.repository.LeadRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Capturing, reading, listing and editing leads through the API. */
@ApplicationScoped
public class LeadService {

    static final String CREATE_OPERATION = "POST /api/v1/leads";
    private static final Set<String> SUPERVISORS = Set.of("manager", "admin");

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LeadRepository leads;
    private final CampaignRepository campaigns;
    private final LeadCapture capture;
    private final LeadRules rules;
    private final LeadScoring scoring;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;

    public LeadService(TenantScope scope, CurrentTenant currentTenant, LeadRepository leads,
                       CampaignRepository campaigns, LeadCapture capture, LeadRules rules, LeadScoring scoring,
                       IdempotentRequests idempotency, PatchedRequest patches) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.leads = leads;
        this.campaigns = campaigns;
        this.capture = capture;
        this.rules = rules;
        this.scoring = scoring;
        this.idempotency = idempotency;
        this.patches = patches;
    }

    /**
     * Captures a lead through the API: a new lead, or the open lead it was attached to. With an idempotency
     * key a repeat gets the first answer; {@code respond} renders it so it can be stored in the transaction.
     */
    public Uni<StoredResponse> createLead(@Valid @NotNull NewLead request, IdempotencyKey key,
                                          Function<LeadCapture.Captured, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        LeadDetails details = LeadRequests.toDetails(request);
        String unit = unitFor(context, request.unitId());
        OffsetDateTime now = Leads.now();
        LeadCapture.Capture c = new LeadCapture.Capture(details, request.channel(), null,
                LeadRequests.consent(request.consent(), "api", now), unit, null, false);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> requireCampaign(tx, details.campaignId())
                        .flatMap(ignored -> capture.capture(tx, context, c))
                        .map(respond)));
    }

    public Uni<Lead> findLead(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> leads.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Lead>> listLeads(LeadListParams params, PageRequest page) {
        TenantContext context = currentTenant.get();
        LeadQuery query = toQuery(context, params);
        return scope.inTransaction(context, tx -> leads.list(tx, query, page))
                .map(rows -> Page.of(rows, page, l -> new Cursor(l.updatedAt().toString(), l.id().toString())));
    }

    /** PATCH: a merge patch on the settable details, validated whole; the lead is rescored. */
    public Uni<Lead> patchLead(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> leads.findById(tx, id).flatMap(found -> {
            Lead current = found.orElseThrow(() -> notFound(id));
            expected.check("Lead " + id, current.version());
            if (current.status() == LeadStatus.CONVERTED || current.anonymisedAt() != null) {
                throw ProblemException.conflict("Lead " + id + " is " + (current.anonymisedAt() != null
                        ? "anonymised" : "converted") + " and can no longer be changed");
            }
            LeadUpdate request = patches.apply(LeadRequests.toUpdate(current.details()), patch, LeadUpdate.class);
            LeadDetails next = LeadRequests.toDetails(request);
            if (next.equals(current.details())) {
                return Uni.createFrom().item(current);
            }
            Uni<Void> campaign = java.util.Objects.equals(next.campaignId(), current.details().campaignId())
                    ? Uni.createFrom().voidItem() : requireCampaign(tx, next.campaignId());
            return campaign
                    .flatMap(ignored -> rules.load(tx))
                    .flatMap(ruleSet -> scoring.rescore(tx, ruleSet.scoring(), Leads.withDetails(current, next),
                            Leads.now()))
                    .flatMap(changed -> leads.update(tx, changed))
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Lead " + id)))
                    .call(updated -> scoring.announceChange(tx, context.tenantId(), current, updated));
        }));
    }

    /** A lead's campaign must be one of the tenant's campaigns; another tenant's id is simply unknown. */
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

    static LeadQuery toQuery(TenantContext context, LeadListParams p) {
        LeadQuery.LeadView view = null;
        if (p.view() != null && !p.view().isBlank()) {
            try {
                view = LeadQuery.LeadView.of(p.view().strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("view", e.getMessage());
            }
            if (view != LeadQuery.LeadView.MINE && context.roles().stream().noneMatch(SUPERVISORS::contains)) {
                throw ProblemException.forbidden("The " + view.value() + " view is for managers and admins");
            }
        }
        List<LeadStatus> statuses = new ArrayList<>();
        for (String status : p.status() == null ? List.<String>of() : p.status()) {
            try {
                statuses.add(LeadStatus.of(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", e.getMessage());
            }
        }
        Channel channel;
        try {
            channel = p.channel() == null || p.channel().isBlank() ? null : Channel.of(p.channel());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", e.getMessage());
        }
        String owner = p.ownerId() == null || p.ownerId().isBlank() ? null : p.ownerId().strip();
        if (owner != null && owner.length() > 200) {
            throw ProblemException.badRequest("ownerId", "must be at most 200 characters");
        }
        return new LeadQuery(view, context.subject(), statuses, uuid("contactId", p.contactId()), channel,
                uuid("campaignId", p.campaignId()), owner, instant("updatedSince", p.updatedSince()));
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an RFC 3339 date-time with offset");
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Lead " + id);
    }

    /** Franchisee staff capture in their own unit only; HQ staff may name any unit or leave routing to decide. */
    static String unitFor(TenantContext context, String requestedUnit) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can place leads only in your own unit " + context.unitId());
    }
}
