package crm.analytics.rest;

import crm.analytics.domain.CrossSellFigures.Rules;
import crm.analytics.service.CrossSellReports;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/cross-sell")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: cross-sell", description = "Association rules between products from purchase baskets")
@SecurityRequirement(name = "oidc")
public class CrossSellResource {

    static final BigDecimal DEFAULT_SUPPORT = new BigDecimal("0.01");
    static final BigDecimal MIN_SUPPORT = new BigDecimal("0.001");
    static final BigDecimal DEFAULT_CONFIDENCE = new BigDecimal("0.1");

    private static final String EXAMPLE = """
            {"baskets": 8, "minSupport": 0.01, "minConfidence": 0.1, "items": [
              {"antecedent": "EBIKE-CITY", "consequent": "HELMET-M", "baskets": 3, "support": 0.3750,
               "confidence": 0.7500, "lift": 1.5000}]}""";

    private final CrossSellReports crossSell;

    public CrossSellResource(CrossSellReports crossSell) {
        this.crossSell = crossSell;
    }

    @GET
    @Path("rules")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Association rules between SKUs (support, confidence, lift)",
            description = "Baskets are orders and won opportunities' line items; each distinct SKU counts once per"
                    + " basket. For a rule A -> B: support = baskets with A and B / all baskets; confidence = baskets"
                    + " with A and B / baskets with A; lift = confidence / (baskets with B / all baskets). Highest lift"
                    + " first, then confidence." + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Rules",
            content = @Content(examples = @ExampleObject(name = "rules", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = Examples.PROBLEM_400)))
    public Uni<Rules> rules(
            @Parameter(description = "Minimum support, 0.001 to 1 (default 0.01)", example = "0.05")
            @QueryParam("minSupport") String minSupport,
            @Parameter(description = "Minimum confidence, 0 to 1 (default 0.1)", example = "0.3")
            @QueryParam("minConfidence") String minConfidence,
            @Parameter(description = "Only rules with this antecedent SKU", example = "EBIKE-CITY") @QueryParam("sku") String sku,
            @Parameter(description = "How many, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit) {
        return crossSell.rules(ReportParams.fraction("minSupport", minSupport, DEFAULT_SUPPORT, MIN_SUPPORT),
                ReportParams.fraction("minConfidence", minConfidence, DEFAULT_CONFIDENCE, BigDecimal.ZERO),
                ReportParams.text("sku", sku, 100), ReportParams.limit(limit, 50, 200));
    }
}
