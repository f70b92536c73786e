package crm.analytics.rest;

import crm.analytics.domain.FunnelFigures.CampaignReturns;
import crm.analytics.domain.FunnelFigures.Funnel;
import crm.analytics.domain.LeadFigures.Lookalikes;
import crm.analytics.repository.FunnelReportRepository.Dimension;
import crm.analytics.service.FunnelReports;
import crm.analytics.service.LookalikeReports;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: leads", description = "Lead funnel, campaign return and lookalike leads")
@SecurityRequirement(name = "oidc")
public class LeadReportResource {

    /** How exact the minute percentiles are (domain.MinuteBuckets). */
    static final String MINUTE_PRECISION = "exact below 128 minutes; longer durations are rounded down to one of 64"
            + " steps per doubling, at most 1/64 (1.6%) below the true value";

    private static final String FUNNEL_EXAMPLE = """
            {"by": "channel", "from": "2026-11-01", "to": "2026-11-30", "rows": [
              {"key": "website", "label": "website", "captured": 4, "contacted": 3, "qualified": 2, "converted": 1,
               "disqualified": 1, "nurtured": 0, "contactRate": 0.7500, "qualificationRate": 0.5000,
               "conversionRate": 0.2500, "contactedToQualified": 0.6667, "qualifiedToConverted": 0.5000,
               "slaBreaches": 1, "slaBreachRate": 0.2500, "medianSpeedToLeadMinutes": 30}],
             "total": {"key": null, "label": "total", "captured": 4, "contacted": 3, "qualified": 2, "converted": 1,
               "disqualified": 1, "nurtured": 0, "contactRate": 0.7500, "qualificationRate": 0.5000,
               "conversionRate": 0.2500, "contactedToQualified": 0.6667, "qualifiedToConverted": 0.5000,
               "slaBreaches": 1, "slaBreachRate": 0.2500, "medianSpeedToLeadMinutes": 30}}""";
    private static final String RETURN_EXAMPLE = """
            {"currency": "EUR", "items": [
              {"campaignId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "name": "Spring e-bike days", "channel": "event",
               "startsOn": "2026-03-01", "endsOn": "2026-03-31", "budget": 2000.00, "wonRevenue": 3000.00,
               "wonDeals": 1, "purchaseRevenue": 500.00, "purchases": 2, "revenue": 3500.00, "roi": 0.7500,
               "leadsCaptured": 6, "leadsConverted": 2}]}""";
    private static final String LOOKALIKE_EXAMPLE = """
            {"items": [
              {"leadId": "b3c1d2e4-5f60-4a7b-8c9d-0e1f2a3b4c5d", "unitId": "veloce-hamburg", "channel": "website",
               "postalCode": "20095", "companyName": "Velo Logistik GmbH", "companySize": "10-49",
               "productsOfInterest": ["EBIKE-CARGO"], "capturedAt": "2026-11-20T09:00:00Z", "status": "new",
               "score": 0.6500, "matchedFeatures": [
                 {"feature": "postalRegion", "value": "20", "share": 0.5000, "weight": 0.3},
                 {"feature": "productOfInterest", "value": "EBIKE-CARGO", "share": 0.5000, "weight": 0.3},
                 {"feature": "channel", "value": "website", "share": 1.0000, "weight": 0.2}]}]}""";

    private final FunnelReports funnel;
    private final LookalikeReports lookalikes;

    public LeadReportResource(FunnelReports funnel, LookalikeReports lookalikes) {
        this.funnel = funnel;
        this.lookalikes = lookalikes;
    }

    @GET
    @Path("funnel")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Lead funnel: counts and conversion rates per stage",
            description = "Leads count in the month they were captured (cohort), grouped by channel, campaign, unit or"
                    + " month (period). A lead that reached a later stage counts for the earlier ones (converted implies"
                    + " qualified and contacted). contactRate, qualificationRate and conversionRate are against"
                    + " captured leads; contactedToQualified and qualifiedToConverted against the stage before."
                    + " Median speed to lead: nearest-rank median of whole minutes from capture to first contact ("
                    + MINUTE_PRECISION + ")."
                    + " SLA breach rate = leads with a breached SLA / captured. by=unit lists the units you may see"
                    + " (all for HQ, your own for franchisee staff); the total is your scope's (brand-wide for HQ).")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(examples = @ExampleObject(name = "by channel", value = FUNNEL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Funnel> funnel(
            @Parameter(description = "channel, campaign, unit or period (default channel)", example = "channel")
            @QueryParam("by") String by,
            @Parameter(description = "First capture month (default 11 months before to)", example = "2026-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last capture month (default this month)", example = "2026-11")
            @QueryParam("to") String to) {
        Dimension dimension = ReportParams.choice("by", by, Dimension.CHANNEL, Dimension::of);
        YearMonth last = ReportParams.month("to", to, ReportParams.thisMonth());
        YearMonth first = ReportParams.month("from", from, last.minusMonths(11));
        ReportParams.requireRange(first, last);
        return funnel.funnel(dimension, first, last);
    }

    @GET
    @Path("campaigns/return")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Campaign return: revenue of converted leads against the budget",
            description = "Revenue of a campaign: won opportunities of the campaign (or of its leads), plus purchases"
                    + " that contacts won through the campaign's converted leads made at or after their conversion."
                    + " roi = (revenue - budget) / budget. Budgets are brand-wide; revenue is in your scope."
                    + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Campaigns by revenue",
            content = @Content(examples = @ExampleObject(name = "return", value = RETURN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CampaignReturns> campaignReturns(
            @Parameter(description = "How many, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit) {
        return funnel.campaignReturns(ReportParams.limit(limit, 50, 200));
    }

    @GET
    @Path("leads/lookalikes")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Open leads that look like the best customers",
            description = "The reference customers are the tenant's 50 highest-revenue customers. For each feature of"
                    + " an open lead, its share is the fraction of reference customers that have the same value:"
                    + " postal region (first two characters of the postal code), company size, the product of interest"
                    + " most of them bought, and the channel they were acquired through. score = 0.3 region + 0.2 size"
                    + " + 0.3 product + 0.2 channel (0 to 1); matchedFeatures lists the features that contributed."
                    + " Scores are refreshed in the background shortly after new data. Franchisee staff see their"
                    + " unit's leads.")
    @APIResponse(responseCode = "200", description = "Leads, most similar first",
            content = @Content(examples = @ExampleObject(name = "lookalikes", value = LOOKALIKE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Lookalikes> lookalikes(
            @Parameter(description = "How many, 1 to 200 (default 20)", example = "20") @QueryParam("limit") String limit) {
        return lookalikes.best(ReportParams.limit(limit, 20, 200));
    }
}
