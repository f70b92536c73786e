package crm.analytics.rest;

import crm.analytics.domain.ServiceFigures.ServiceReport;
import crm.analytics.service.ServiceReports;
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

@Path("/api/v1/analytics/service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: service", description = "Ticket volume, response times, SLA compliance, satisfaction")
@SecurityRequirement(name = "oidc")
public class ServiceReportResource {

    private static final String EXAMPLE = """
            {"from": "2026-11", "to": "2026-11", "opened": 42, "resolved": 38,
             "firstResponseMinutes": {"p50": 35, "p90": 240, "tickets": 38},
             "resolutionMinutes": {"p50": 600, "p90": 2880, "tickets": 38},
             "firstResponseSlaCompliance": 0.9211, "resolutionSlaCompliance": 0.8421,
             "satisfaction": {"averageRating": 4.3000, "ratings": 20}, "openTickets": 7,
             "backlog": [{"unitId": "veloce-hamburg", "queueId": "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
                          "queueName": "Workshop", "open": 5}]}""";

    private final ServiceReports service;

    public ServiceReportResource(ServiceReports service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Ticket figures per month range, and the backlog now",
            description = "opened: tickets opened in the months; resolved, response and resolution times and SLA"
                    + " compliance: tickets whose latest resolution (crm.ticket.resolved.v1) falls in the months, in"
                    + " business minutes with nearest-rank p50 and p90 (" + LeadReportResource.MINUTE_PRECISION + ");"
                    + " SLA compliance = targets met / targets measured;"
                    + " satisfaction: ratings given in the months (latest rating per ticket). backlog: open tickets per"
                    + " unit and queue now (all units for HQ, your own for franchisee staff)." + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Service figures",
            content = @Content(examples = @ExampleObject(name = "november", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ServiceReport> report(
            @Parameter(description = "First month (default: to)", example = "2026-11") @QueryParam("from") String from,
            @Parameter(description = "Last month (default this month)", example = "2026-11") @QueryParam("to") String to) {
        YearMonth last = ReportParams.month("to", to, ReportParams.thisMonth());
        YearMonth first = ReportParams.month("from", from, last);
        ReportParams.requireRange(first, last);
        return service.report(first, last);
    }
}
