package crm.contacts.rest;

import crm.contacts.service.BulkPurchaseImport;
import crm.contacts.service.BulkReport;
import crm.contacts.service.NewPurchase;
import crm.contacts.service.PurchaseService;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchases", description = "What customers bought, from shops and point-of-sale systems")
@SecurityRequirement(name = "oidc")
public class PurchaseResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private static final String EXAMPLE = """
            {"externalOrderId": "SHOP-2026-000123", "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11",
             "purchasedAt": "2026-11-27T10:15:30Z", "channel": "online", "currency": "EUR", "unitId": "veloce-hamburg",
             "lines": [{"sku": "EB-CITY-500", "quantity": 1, "unitPrice": 2499.00},
                       {"sku": "HELMET-M", "quantity": 2, "unitPrice": 79.90}]}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11",
             "externalOrderId": "SHOP-2026-000123", "purchasedAt": "2026-11-27T10:15:30Z", "channel": "online",
             "currency": "EUR", "total": 2658.80, "unitId": "veloce-hamburg", "sellingUnitId": "veloce-hamburg",
             "buyerEmail": null,
             "lines": [{"sku": "EB-CITY-500", "quantity": 1, "unitPrice": 2499.00, "lineTotal": 2499.00},
                       {"sku": "HELMET-M", "quantity": 2, "unitPrice": 79.90, "lineTotal": 159.80}],
             "createdBy": "service-account-shop", "createdAt": "2026-11-27T10:15:31.000001Z"}""";
    private static final String CSV_EXAMPLE = """
            external_order_id,contact_id,contact_email,sku,quantity,unit_price,currency,purchased_at,channel,unit_id
            POS-77-1001,,jana.schulz@example.com,EB-CITY-500,1,2499.00,EUR,2026-11-27T10:15:30Z,in_store,veloce-hamburg
            POS-77-1001,,jana.schulz@example.com,HELMET-M,2,79.90,EUR,2026-11-27T10:15:30Z,in_store,veloce-hamburg
            """;
    private static final String NDJSON_EXAMPLE = """
            {"externalOrderId": "SHOP-1", "contactEmail": "jana.schulz@example.com", "purchasedAt": "2026-11-27T10:15:30Z", "channel": "online", "currency": "EUR", "lines": [{"sku": "EB-CITY-500", "quantity": 1, "unitPrice": 2499.00}]}
            {"externalOrderId": "SHOP-2", "contactEmail": "ole.hansen@example.com", "purchasedAt": "2026-11-27T11:00:00Z", "channel": "online", "currency": "EUR", "lines": [{"sku": "LOCK-XL", "quantity": 1, "unitPrice": 49.00}]}
            """;
    private static final String REPORT_EXAMPLE = """
            {"rows": 3, "received": 2, "created": 1, "duplicates": 0, "failed": 1,
             "errors": [{"line": 3, "field": "unit_price", "reason": "must be a decimal number such as 129.90"}],
             "errorsTruncated": false}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [" + VIEW_EXAMPLE + "], \"nextCursor\": null}";

    private final PurchaseService service;
    private final BulkPurchaseImport bulk;

    public PurchaseResource(PurchaseService service, BulkPurchaseImport bulk) {
        this.service = service;
        this.bulk = bulk;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record a purchase (one order with its lines)",
            description = "Idempotent on the external order id within the tenant: a repeat answers 200 with the order"
                    + " recorded first. The buyer is named by contactId or by the primary e-mail of an existing"
                    + " contact (contactEmail). Totals are computed from the lines.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "web shop order", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the purchase",
            content = @Content(examples = @ExampleObject(name = "recorded", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The order was recorded before; this is that record",
            content = @Content(examples = @ExampleObject(name = "known", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the contact is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order was recorded in a unit you cannot see")
    public Uni<Response> record(NewPurchase order, @Context UriInfo uri) {
        return service.record(order).map(r -> {
            PurchaseView view = PurchaseView.of(r.purchase());
            return r.created()
                    ? Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view)
                    .build()
                    : Response.ok(view).build();
        });
    }

    @POST
    @Path("bulk")
    @Consumes(CSV)
    @Blocking
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record many purchases from CSV",
            description = "One row per order line; adjacent rows with the same external_order_id form one order."
                    + " Header: external_order_id,contact_id,contact_email,sku,quantity,unit_price,currency,"
                    + "purchased_at,channel,unit_id. The body is read as it streams in; bad orders are reported"
                    + " per line and skipped, known external order ids count as duplicates.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "till export", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What became of each order",
            content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The header is missing or lacks a required column",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BulkReport bulkCsv(InputStream body) {
        return bulk.fromCsv(body);
    }

    @POST
    @Path("bulk")
    @Consumes(NDJSON)
    @Blocking
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record many purchases from NDJSON",
            description = "One order per line, in the form of a single POST. The body is read as it streams in; bad"
                    + " lines are reported and skipped, known external order ids count as duplicates.")
    @RequestBody(content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "shop export",
            value = NDJSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What became of each order",
            content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    public BulkReport bulkNdjson(InputStream body) {
        return bulk.fromNdjson(body);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List purchases, newest first", description = "With contactId, that contact's purchases.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Page<PurchaseView>> list(
            @Parameter(description = "Only this contact's purchases", example = "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11")
            @QueryParam("contactId") UUID contactId,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.list(contactId, PageRequest.of(limit, cursor))
                .map(page -> new Page<>(page.items().stream().map(PurchaseView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a purchase")
    @APIResponse(responseCode = "200", description = "The purchase with its lines",
            content = @Content(examples = @ExampleObject(name = "purchase", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such purchase in your tenant and unit")
    public Uni<PurchaseView> get(@PathParam("id") UUID id) {
        return service.find(id).map(PurchaseView::of);
    }
}
