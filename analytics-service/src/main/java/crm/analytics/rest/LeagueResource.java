package crm.analytics.rest;

import crm.analytics.domain.LeagueFigures.LeagueTable;
import crm.analytics.service.LeagueReports;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/league")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: franchise", description = "How each franchisee performs")
@SecurityRequirement(name = "oidc")
public class LeagueResource {

    private static final String EXAMPLE = """
            {"period": "2026-11", "previousPeriod": "2026-10", "sortedBy": "revenue", "currency": "EUR", "units": [
              {"unitId": "veloce-hamburg", "revenue": 12500.00, "previousRevenue": 10000.00, "growth": 0.2500,
               "orders": 14, "leadsCaptured": 20, "leadsConverted": 5, "conversionRate": 0.2500, "slaTargets": 40,
               "slaCompliance": 0.9000, "averageRating": 4.5000, "ratings": 8,
               "ranks": {"revenue": 1, "growth": 2, "conversionRate": 1, "slaCompliance": 1, "averageRating": 1}}],
             "brandAverage": {"units": 3, "revenue": 8000.00, "growth": 0.1000, "conversionRate": 0.2000,
               "slaCompliance": 0.8500, "averageRating": 4.2000}}""";

    private final LeagueReports league;

    public LeagueResource(LeagueReports league) {
        this.league = league;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Franchise league table: units by revenue, growth, conversion, SLA compliance, satisfaction",
            description = "For one month: revenue and growth against the month before; conversion = leads captured in"
                    + " the month that converted / captured; SLA compliance = SLA targets met / measured of tickets"
                    + " resolved in the month; satisfaction = average rating of the month. HQ staff see every unit with"
                    + " its rank per figure (equal figures share a rank), sorted by `sort`. Franchisee staff see only"
                    + " their own row (without ranks) and the brand average: the mean of each figure over all units.")
    @APIResponse(responseCode = "200", description = "The league table",
            content = @Content(examples = @ExampleObject(name = "november", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeagueTable> table(
            @Parameter(description = "The month (default this month)", example = "2026-11") @QueryParam("period") String period,
            @Parameter(description = "revenue, growth, conversionRate, slaCompliance or averageRating (default revenue)",
                    example = "growth") @QueryParam("sort") String sort) {
        String sortBy = ReportParams.choice("sort", sort, "revenue", value -> {
            if (!LeagueReports.RANKINGS.contains(value)) {
                throw new IllegalArgumentException("must be one of " + LeagueReports.RANKINGS);
            }
            return value;
        });
        return league.table(ReportParams.month("period", period, ReportParams.thisMonth()), sortBy);
    }
}
