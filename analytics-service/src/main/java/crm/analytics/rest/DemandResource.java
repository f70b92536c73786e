package crm.analytics.rest;

import crm.analytics.domain.CalendarPeriod;
import crm.analytics.domain.DemandFigures.ProductPeriods;
import crm.analytics.domain.DemandFigures.ServiceDemand;
import crm.analytics.domain.DemandFigures.SlowSellers;
import crm.analytics.domain.DemandFigures.TopSellers;
import crm.analytics.service.DemandReports;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/demand")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: demand", description = "What sells, what does not, which services are requested")
@SecurityRequirement(name = "oidc")
public class DemandResource {

    private static final int MAX_PERIODS = 366;
    private static final String DATES = " Periods are calendar days, ISO weeks (from Monday) and months in UTC; from and"
            + " to are dates, both inclusive.";

    private static final String PRODUCTS_EXAMPLE = """
            {"period": "month", "from": "2026-10-01", "to": "2026-11-30", "currency": "EUR", "items": [
              {"sku": "EBIKE-CITY", "name": "City e-bike", "periodStart": "2026-11-01", "units": 3.000,
               "revenue": 7500.00, "orders": 3, "previousUnits": 2.000, "previousRevenue": 5000.00,
               "unitsChange": 0.5000, "revenueChange": 0.5000}],
             "nextCursor": "bW9udGgfMjAyNi0xMS0wMR9FQklLRS1DSVRZ"}""";
    private static final String TOP_EXAMPLE = """
            {"from": "2026-11-01", "to": "2026-11-30", "by": "units", "currency": "EUR", "items": [
              {"rank": 1, "sku": "HELMET-M", "name": "Helmet M", "category": "Accessories", "kind": "product",
               "units": 12.000, "revenue": 960.00, "orders": 10}]}""";
    private static final String SLOW_EXAMPLE = """
            {"asOf": "2026-11-27", "days": 30, "from": "2026-10-29", "currency": "EUR", "items": [
              {"sku": "LOCK-XL", "name": "Lock XL", "category": "Accessories", "kind": "product", "units": 0,
               "revenue": 0.00, "unitsPerDay": 0.0000, "lastSoldAt": null, "neverSold": true},
              {"sku": "BAG-20", "name": "Pannier 20 l", "category": "Accessories", "kind": "product", "units": 1.000,
               "revenue": 59.00, "unitsPerDay": 0.0333, "lastSoldAt": "2026-11-02T11:00:00Z", "neverSold": false}]}""";
    private static final String SERVICES_EXAMPLE = """
            {"from": "2026-11-01", "to": "2026-11-30", "currency": "EUR",
             "ticketCategories": [{"category": "repair", "tickets": 31}, {"category": "billing", "tickets": 4}],
             "servicePurchases": [{"rank": 1, "sku": "SERVICE-INSPECTION", "name": "Annual inspection",
               "category": "Workshop", "kind": "service", "units": 18.000, "revenue": 1620.00, "orders": 18}]}""";

    private final DemandReports demand;

    public DemandResource(DemandReports demand) {
        this.demand = demand;
    }

    @GET
    @Path("products")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Units and revenue per SKU and period, with the change against the previous period",
            description = "One row per SKU and period in which it sold, ordered by period, then SKU; cursor paged."
                    + " unitsChange and revenueChange = (this - previous) / previous, null when the SKU did not sell in"
                    + " the previous period. At most 366 periods per request." + DATES + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(examples = @ExampleObject(name = "months", value = PRODUCTS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = Examples.PROBLEM_400)))
    public Uni<ProductPeriods> products(
            @Parameter(description = "day, week or month (default day)", example = "month") @QueryParam("period") String period,
            @Parameter(description = "First day (default: 30 periods before to)", example = "2026-10-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last day (default today)", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Only this SKU", example = "EBIKE-CITY") @QueryParam("sku") String sku,
            @Parameter(description = "Page size, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        CalendarPeriod granularity = ReportParams.choice("period", period, CalendarPeriod.DAY, CalendarPeriod::of);
        LocalDate last = ReportParams.date("to", to, ReportParams.today());
        LocalDate first = ReportParams.date("from", from, granularity.startOf(last).minus(29, unit(granularity)));
        ReportParams.requireRange(first, last);
        if (unit(granularity).between(granularity.startOf(first), last) >= MAX_PERIODS) {
            throw ProblemException.badRequest("from", "the range may span at most " + MAX_PERIODS + " periods");
        }
        PageRequest page = PageRequest.of(ReportParams.limit(limit, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT),
                cursor);
        return demand.products(granularity, first, last, ReportParams.text("sku", sku, 100), page);
    }

    @GET
    @Path("top-sellers")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Best-selling SKUs in a date range",
            description = "By units (default) or revenue; orders = orders containing the SKU." + DATES
                    + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Top sellers",
            content = @Content(examples = @ExampleObject(name = "top", value = TOP_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TopSellers> topSellers(
            @Parameter(description = "First day (default 29 days before to)", example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last day (default today)", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "units or revenue (default units)", example = "revenue") @QueryParam("by") String by,
            @Parameter(description = "How many, 1 to 200 (default 10)", example = "10") @QueryParam("limit") String limit) {
        LocalDate last = ReportParams.date("to", to, ReportParams.today());
        LocalDate first = ReportParams.date("from", from, last.minusDays(29));
        ReportParams.requireRange(first, last);
        boolean byRevenue = ReportParams.choice("by", by, false, value -> {
            if (!value.equals("units") && !value.equals("revenue")) {
                throw new IllegalArgumentException("must be units or revenue");
            }
            return value.equals("revenue");
        });
        return demand.topSellers(first, last, byRevenue, ReportParams.limit(limit, 10, 200));
    }

    @GET
    @Path("slow-sellers")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Active catalogue items that sell least",
            description = "Active items of the catalogue (crm.product.upserted.v1), fewest units in the last `days`"
                    + " days up to asOf first; unitsPerDay = units / days. Items that never sold come first, then"
                    + " those unsold longest (lastSoldAt: the last sale ever recorded)." + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Slow sellers",
            content = @Content(examples = @ExampleObject(name = "slow", value = SLOW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SlowSellers> slowSellers(
            @Parameter(description = "Window in days, 1 to 365 (default 30)", example = "30") @QueryParam("days") String days,
            @Parameter(description = "Last day of the window (default today)", example = "2026-11-27")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "product or service (default both)", example = "product") @QueryParam("kind") String kind,
            @Parameter(description = "How many, 1 to 200 (default 20)", example = "20") @QueryParam("limit") String limit) {
        String itemKind = ReportParams.choice("kind", kind, null, value -> {
            if (!value.equals("product") && !value.equals("service")) {
                throw new IllegalArgumentException("must be product or service");
            }
            return value;
        });
        return demand.slowSellers(ReportParams.date("asOf", asOf, ReportParams.today()),
                ReportParams.integer("days", days, 30, 1, 365), itemKind, ReportParams.limit(limit, 20, 200));
    }

    @GET
    @Path("services")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "The most requested services",
            description = "Ticket categories by tickets opened, and catalogue items of kind service by units sold"
                    + " (purchases and won opportunities)." + DATES + CustomerResource.SCOPE)
    @APIResponse(responseCode = "200", description = "Requested services",
            content = @Content(examples = @ExampleObject(name = "services", value = SERVICES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ServiceDemand> services(
            @Parameter(description = "First day (default 29 days before to)", example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last day (default today)", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "How many of each, 1 to 200 (default 10)", example = "10") @QueryParam("limit") String limit) {
        LocalDate last = ReportParams.date("to", to, ReportParams.today());
        LocalDate first = ReportParams.date("from", from, last.minusDays(29));
        ReportParams.requireRange(first, last);
        return demand.services(first, last, ReportParams.limit(limit, 10, 200));
    }

    private static ChronoUnit unit(CalendarPeriod period) {
        switch (period) {
            case WEEK:
                return ChronoUnit.WEEKS;
            case MONTH:
                return ChronoUnit.MONTHS;
            default:
                return ChronoUnit.DAYS;
        }
    }
}
