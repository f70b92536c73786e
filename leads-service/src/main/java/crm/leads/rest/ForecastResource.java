package crm.leads.rest;

import crm.leads.service.ForecastService;
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

@Path("/api/v1/opportunities/forecast")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opportunities")
@SecurityRequirement(name = "oidc")
public class ForecastResource {

    private static final String EXAMPLE = """
            {"by": "month", "from": "2026-03", "to": "2026-04",
             "lines": [{"key": "2026-03", "currency": "EUR", "openCount": 2, "openAmount": 15000.00,
                        "weightedAmount": 6000.00, "wonCount": 1, "wonAmount": 2999.00, "forecast": 8999.00},
                       {"key": "2026-04", "currency": "EUR", "openCount": 0, "openAmount": 0.00,
                        "weightedAmount": 0.00, "wonCount": 0, "wonAmount": 0.00, "forecast": 0.00}],
             "totals": [{"key": null, "currency": "EUR", "openCount": 2, "openAmount": 15000.00,
                         "weightedAmount": 6000.00, "wonCount": 1, "wonAmount": 2999.00, "forecast": 8999.00}]}""";

    private final ForecastService forecasts;

    public ForecastResource(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @GET
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Weighted sales forecast by month, unit or owner",
            description = "Open opportunities count with amount x stage probability, won ones at 100 %, lost ones"
                    + " not at all, by the month they are expected to close (or were won in). Amounts in different"
                    + " currencies are never added: each currency has its own lines and total. A franchisee"
                    + " manager sees the unit's forecast, headquarters the whole brand's.")
    @APIResponse(responseCode = "200", description = "The forecast",
            content = @Content(examples = @ExampleObject(name = "by month", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "by, from or to is invalid, or the range is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Forecasts are for managers and admins")
    public Uni<ForecastView> forecast(
            @Parameter(description = "month (default), unit or owner", example = "month") @QueryParam("by") String by,
            @Parameter(description = "First expected-close month (default: this month)", example = "2026-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last expected-close month (default: from + 11 months; at most 36 months)",
                    example = "2026-12") @QueryParam("to") String to) {
        return forecasts.forecast(by, from, to).map(ForecastView::of);
    }
}
