package crm.leads.service;

import crm.leads.config.SalesConfig;
import crm.leads.domain.Opportunity;
import crm.leads.domain.OpportunityDetails;
import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.OpportunityStageChange;
import crm.leads.domain.StageDefinition;
import crm.leads.events.OpportunityEvents;
import crm.leads.repository.CampaignRepository;
import crm.leads.repository.Json;
import crm.leads.repository.OpportunityHistoryRepository;
import crm.leads.repository.OpportunityRepository;
import crm.leads.repository.StageRepository;
import crm.platform.events.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The opportunities side as the leads side needs it, always inside the caller's transaction: open one
 * on conversion, learn the contact id later, and take part in a person's export and erasure. The tenant
 * (and the unit, unless given) come from the transaction's scope, so this works for requests and event
 * consumers alike.
 */
@ApplicationScoped
public class OpportunitiesOfLeads {

    private static final int MAX_NAME = 200;
    private static final String CONVERSION = "system:lead-conversion";

    private final OpportunityRepository opportunities;
    private final OpportunityHistoryRepository history;
    private final StageRepository stages;
    private final CampaignRepository campaigns;
    private final Outbox outbox;
    private final Json json;
    private final SalesConfig config;

    public OpportunitiesOfLeads(OpportunityRepository opportunities, OpportunityHistoryRepository history,
                                StageRepository stages, CampaignRepository campaigns, Outbox outbox, Json json,
                                SalesConfig config) {
        this.opportunities = opportunities;
        this.history = history;
        this.stages = stages;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /**
     * Opens an opportunity for a converted lead in the pipeline's first stage, records its history and
     * publishes {@code crm.opportunity.opened.v1}; answers its id. Without a unit it lands in the lead's
     * unit. A campaign the scope cannot see is dropped rather than failing the conversion.
     */
    public Uni<UUID> open(SqlConnection tx, OpportunityFromLead r) {
        String currency = SalesInputs.currency("currency", r.currency(), config.defaultCurrency());
        LocalDate expectedClose = r.expectedCloseOn() != null ? SalesInputs.sensibleDate("expectedCloseOn",
                r.expectedCloseOn()) : LocalDate.now(ZoneOffset.UTC).plusDays(config.defaultCloseDays());
        String name = r.name() == null || r.name().isBlank() ? "Opportunity" : r.name().strip();
        String ownerId = r.ownerId() == null || r.ownerId().isBlank() ? null : r.ownerId();
        return scopeOf(tx, r).flatMap(scope -> campaigns.exists(tx, r.campaignId())
                .flatMap(campaignVisible -> stages.find(tx).flatMap(pipeline -> {
                    StageDefinition first = pipeline.first();
                    OpportunityDetails details = new OpportunityDetails(
                            name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name,
                            OpportunityPricing.money(r.amount()), currency, expectedClose, ownerId, r.contactId(), null,
                            campaignVisible ? r.campaignId() : null, scope.unitId(), List.of());
                    String by = ownerId == null ? CONVERSION : ownerId;
                    return opportunities.insert(tx, UUID.randomUUID(), r.leadId(), details, first.key(),
                                    first.probability(), by)
                            .call(opened -> history.record(tx, opened, null, null, by))
                            .call(opened -> outbox.append(tx, OpportunityEvents.opened(scope.tenantId(), opened)));
                })))
                .map(Opportunity::id);
    }

    /** Points the lead's opportunities that do not know their contact yet at the contact contacts-service linked. */
    public Uni<Void> linkContact(SqlConnection tx, UUID leadId, UUID contactId) {
        return opportunities.linkContact(tx, leadId, contactId).replaceWithVoid();
    }

    /** Everything held on the contact's opportunities, with their stage history, for the privacy export. */
    public Uni<JsonArray> exportFor(SqlConnection tx, UUID contactId) {
        return opportunities.findByContact(tx, contactId)
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(List.<ExportedOpportunity>of())
                        : Multi.createFrom().iterable(found)
                                .onItem().transformToUniAndConcatenate(o -> history.listAll(tx, o.id())
                                        .map(changes -> ExportedOpportunity.of(o, changes)))
                                .collect().asList())
                .map(exported -> (JsonArray) json.column(exported));
    }

    /** Removes what identifies the person from the contact's opportunities; the figures stay for the business. */
    public Uni<Void> anonymise(SqlConnection tx, UUID contactId) {
        return opportunities.anonymise(tx, contactId).replaceWithVoid();
    }

    private record Scope(String tenantId, String unitId) {
    }

    /** The transaction's tenant, and the unit: the requested one, else the lead's, else the scope's own. */
    private static Uni<Scope> scopeOf(SqlConnection tx, OpportunityFromLead r) {
        return tx.preparedQuery("select crm_current_tenant() as tenant,"
                        + " coalesce($1, (select unit_id from lead where id = $2), crm_current_unit()) as unit")
                .execute(Tuple.of(r.unitId(), r.leadId()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("tenant") == null) {
                        throw new IllegalStateException("opening an opportunity needs a transaction with a tenant scope");
                    }
                    return new Scope(row.getString("tenant"), row.getString("unit"));
                });
    }

    /** One opportunity as the privacy export shows it. */
    public record ExportedOpportunity(UUID id, String unitId, UUID leadId, UUID contactId, UUID companyId,
                                      UUID campaignId, String name, String stage, String status, BigDecimal amount,
                                      String currency, LocalDate expectedCloseOn, String ownerId,
                                      List<OpportunityLine> lines, String lostReason, OffsetDateTime closedAt,
                                      OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                      List<OpportunityStageChange> history) {

        static ExportedOpportunity of(Opportunity o, List<OpportunityStageChange> history) {
            OpportunityDetails d = o.details();
            return new ExportedOpportunity(o.id(), o.unitId(), o.leadId(), d.contactId(), d.companyId(), d.campaignId(),
                    d.name(), o.stage(), o.status().value(), OpportunityPricing.money(d.amount()), d.currency(),
                    d.expectedCloseOn(), d.ownerId(), d.lines(), o.lostReason(), o.closedAt(), o.createdAt(),
                    o.updatedAt(), history);
        }
    }
}
