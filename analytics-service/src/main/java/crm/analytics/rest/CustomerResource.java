package crm.analytics.rest;

import crm.analytics.domain.CrossSellFigures.Recommendations;
import crm.analytics.domain.CustomerFigures.CustomerValue;
import crm.analytics.domain.CustomerFigures.SegmentSummary;
import crm.analytics.domain.CustomerFigures.TopCustomers;
import crm.analytics.service.CrossSellReports;
import crm.analytics.service.CustomerValueReports;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: customers", description = "Customer value, RFM segments and recommendations")
@SecurityRequirement(name = "oidc")
public class CustomerResource {

    static final String SCOPE = " Figures are brand-wide for HQ staff and the own unit's for franchisee staff; money is"
            + " in the reporting currency (EUR), converted with configured fixed rates.";
    static final String RFM = " RFM: each score is the customer's quintile by rank among the customers of the same"
            + " scope, 1 + floor(5 x (rank - 1) / customers), ranking ascending by last order time (R), number of"
            + " orders (F) and revenue (M); ties share the lower score. Segments, first match wins: champions"
            + " (R>=4, F>=4, M>=4), loyal (R>=3, F>=4), potential_loyalists (R>=4, F 2-3), new (R>=4, F=1),"
            + " at_risk (R<=2, F>=3), lost (R=1, F<=2), hibernating (the rest). Scores are refreshed in the"
            + " background shortly after new orders.";
    static final String CLV = " CLV = average order value x orders per year x expected lifetime (3 years), with orders"
            + " per year = orders / max(1, years between first and last order).";

    private static final String VALUE_EXAMPLE = """
            {"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "unitId": null, "currency": "EUR",
             "revenue": 5180.00, "purchaseRevenue": 1180.00, "wonRevenue": 4000.00, "orders": 4,
             "averageOrderValue": 1295.00, "firstOrderAt": "2025-03-02T10:00:00Z",
             "lastOrderAt": "2026-11-20T15:30:00Z", "clv": 8489.37,
             "rfm": {"recency": 5, "frequency": 5, "monetary": 5, "segment": "champions"}}""";
    private static final String TOP_EXAMPLE = """
            {"currency": "EUR", "items": [
              {"rank": 1, "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "firstName": "Jana", "lastName": "Schulz",
               "revenue": 5180.00, "orders": 4, "lastOrderAt": "2026-11-20T15:30:00Z", "clv": 8489.37,
               "segment": "champions"}]}""";
    private static final String SEGMENTS_EXAMPLE = """
            {"currency": "EUR", "customers": 10, "scoredAt": "2026-11-27T10:15:00Z", "segments": [
              {"segment": "champions", "customers": 2, "share": 0.2000, "revenue": 9000.00, "averageRevenue": 4500.00},
              {"segment": "loyal", "customers": 0, "share": 0.0000, "revenue": 0.00, "averageRevenue": null},
              {"segment": "lost", "customers": 3, "share": 0.3000, "revenue": 450.00, "averageRevenue": 150.00}]}""";
    private static final String RECOMMENDATIONS_EXAMPLE = """
            {"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "items": [
              {"sku": "HELMET-M", "name": "Helmet M", "confidence": 0.7500, "lift": 1.8750,
               "becauseOf": ["EBIKE-CITY"]}]}""";

    private final CustomerValueReports values;
    private final CrossSellReports crossSell;

    public CustomerResource(CustomerValueReports values, CrossSellReports crossSell) {
        this.values = values;
        this.crossSell = crossSell;
    }

    @GET
    @Path("{contactId}/value")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "A customer's value: revenue, orders, last purchase, CLV and RFM",
            description = "Revenue counts purchases and won opportunities; orders are both." + SCOPE + CLV + RFM)
    @APIResponse(responseCode = "200", description = "The customer's figures (zeros for a known contact without orders)",
            content = @Content(examples = @ExampleObject(name = "champion", value = VALUE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such customer in your tenant and unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = Examples.PROBLEM_404)))
    public Uni<CustomerValue> value(@Parameter(description = "The contact", example = Examples.CONTACT_ID)
                                    @PathParam("contactId") UUID contactId) {
        return values.valueOf(contactId);
    }

    @GET
    @Path("top")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "The most profitable customers, by revenue", description = "Highest revenue first." + SCOPE + CLV)
    @APIResponse(responseCode = "200", description = "Top customers",
            content = @Content(examples = @ExampleObject(name = "top", value = TOP_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = Examples.PROBLEM_400)))
    public Uni<TopCustomers> top(@Parameter(description = "How many, 1 to 200 (default 10)", example = "10")
                                 @QueryParam("limit") String limit) {
        return values.top(ReportParams.limit(limit, 10, 200));
    }

    @GET
    @Path("segments")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Customers and revenue per RFM segment", description = "Every segment is listed." + SCOPE + RFM)
    @APIResponse(responseCode = "200", description = "Segment sizes as of the last scoring",
            content = @Content(examples = @ExampleObject(name = "segments", value = SEGMENTS_EXAMPLE)))
    public Uni<SegmentSummary> segments() {
        return values.segments();
    }

    @GET
    @Path("{contactId}/recommendations")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "What to offer a customer next",
            description = "SKUs the customer has not bought, from association rules whose antecedent the customer"
                    + " bought (what customers with overlapping baskets also bought), ranked by the best rule's"
                    + " confidence, then lift. Only rules with at least minSupport and minConfidence count." + SCOPE)
    @APIResponse(responseCode = "200", description = "Recommendations, best first",
            content = @Content(examples = @ExampleObject(name = "helmet", value = RECOMMENDATIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer in your tenant and unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Recommendations> recommendations(
            @Parameter(description = "The contact", example = Examples.CONTACT_ID) @PathParam("contactId") UUID contactId,
            @Parameter(description = "Minimum support of a rule, 0.001 to 1 (default 0.01)", example = "0.01")
            @QueryParam("minSupport") String minSupport,
            @Parameter(description = "Minimum confidence of a rule, 0 to 1 (default 0.1)", example = "0.1")
            @QueryParam("minConfidence") String minConfidence,
            @Parameter(description = "How many, 1 to 50 (default 10)", example = "10") @QueryParam("limit") String limit) {
        return crossSell.recommendations(contactId,
                ReportParams.fraction("minSupport", minSupport, CrossSellResource.DEFAULT_SUPPORT, CrossSellResource.MIN_SUPPORT),
                ReportParams.fraction("minConfidence", minConfidence, CrossSellResource.DEFAULT_CONFIDENCE, BigDecimal.ZERO),
                ReportParams.limit(limit, 10, 50));
    }
}
