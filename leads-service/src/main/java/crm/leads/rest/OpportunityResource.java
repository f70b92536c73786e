package crm.leads.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.Opportunity;
import crm.leads.service.NewOpportunity;
import crm.leads.service.OpportunityService;
import crm.leads.service.OpportunityTransitions;
import crm.leads.service.OpportunityWorkflow;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opportunities", description = "Deals in the pipeline: stages, line items, won or lost")
@SecurityRequirement(name = "oidc")
public class OpportunityResource {

    private static final String EXAMPLE = """
            {"name": "Velo Logistik - 12 cargo bikes", "expectedCloseOn": "2026-06-30", "currency": "EUR",
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "companyId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "campaignId": "5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "stage": "needs_analysis",
             "lines": [{"sku": "EB-CARGO-750", "quantity": 12, "discountPercent": 8.5},
                       {"sku": "SV-INSPECTION", "quantity": 12, "unitPrice": 89.00}]}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "9d3e1f20-6b7a-4c8d-9e0f-1a2b3c4d5e6f", "unitId": "veloce-hamburg", "leadId": null,
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "companyId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "campaignId": "5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "Velo Logistik - 12 cargo bikes",
             "stage": "needs_analysis", "probability": 25, "status": "open", "amount": 53761.02, "currency": "EUR",
             "expectedCloseOn": "2026-06-30", "ownerId": "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "lines": [{"productId": "0b8f7a52-3d4e-4c1a-9b2f-6a7e8d9c0b1a", "sku": "EB-CARGO-750",
                        "name": "Cargo e-bike 750 Wh", "kind": "product", "quantity": 12, "unitPrice": 4799.00,
                        "discountPercent": 8.5, "lineTotal": 52693.02},
                       {"productId": "1c9a8b63-4e5f-4d2b-8c3a-7b8f9e0d1c2b", "sku": "SV-INSPECTION",
                        "name": "Annual inspection", "kind": "service", "quantity": 12, "unitPrice": 89.00,
                        "discountPercent": 0, "lineTotal": 1068.00}],
             "lostReason": null, "closedAt": null, "version": 1, "createdAt": "2026-03-02T09:00:00.123456Z",
             "updatedAt": "2026-03-02T09:00:00.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [{\"id\": \"9d3e1f20-6b7a-4c8d-9e0f-1a2b3c4d5e6f\","
            + " \"name\": \"Velo Logistik - 12 cargo bikes\", \"stage\": \"needs_analysis\", \"probability\": 25,"
            + " \"status\": \"open\", \"amount\": 53761.02, \"currency\": \"EUR\", \"version\": 1}], \"nextCursor\": null}";
    private static final String HISTORY_EXAMPLE = "{\"items\": [{\"from\": null, \"to\": \"qualification\","
            + " \"probability\": 10, \"amount\": 5000.00, \"currency\": \"EUR\", \"reason\": null, \"changedBy\":"
            + " \"f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"changedAt\": \"2026-03-02T09:00:00.123456Z\"},"
            + " {\"from\": \"qualification\", \"to\": \"lost\", \"probability\": 0, \"amount\": 5000.00, \"currency\":"
            + " \"EUR\", \"reason\": \"price\", \"changedBy\": \"f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d\","
            + " \"changedAt\": \"2026-03-09T15:30:00.123456Z\"}], \"nextCursor\": null}";
    private static final String CLOSED_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409,"
            + " \"detail\": \"Opportunity 9d3e1f20-6b7a-4c8d-9e0f-1a2b3c4d5e6f is lost; only open opportunities can be won\"}";

    private final OpportunityService opportunities;
    private final OpportunityWorkflow workflow;
    private final ObjectMapper mapper;

    public OpportunityResource(OpportunityService opportunities, OpportunityWorkflow workflow, ObjectMapper mapper) {
        this.opportunities = opportunities;
        this.workflow = workflow;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Open an opportunity",
            description = "Starts in the given open stage or the pipeline's first. Lines take the catalogue's list"
                    + " price unless unitPrice is given; the amount is then their sum. With an Idempotency-Key, a"
                    + " repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "opportunity", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened (or replayed); Location names the new opportunity",
            content = @Content(examples = @ExampleObject(name = "opened", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field, a line, the campaign or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewOpportunity request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return opportunities.createOpportunity(request, IdempotencyKey.ofHeader(idempotencyKey),
                        o -> StoredResponse.created(uri.getAbsolutePathBuilder().path(o.id().toString()).build(),
                                ExpectedVersion.etag(o.version()), OpportunityView.of(o)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read an opportunity")
    @APIResponse(responseCode = "200", description = "The opportunity, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "opportunity", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return opportunities.findOpportunity(id).map(OpportunityResource::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List opportunities, oldest change first; updatedSince for delta sync")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter, limit, cursor or updatedSince is invalid")
    public Uni<Page<OpportunityView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "open, won or lost", example = "open") @QueryParam("status") String status,
            @Parameter(description = "Only deals of this contact", example = "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11")
            @QueryParam("contactId") String contactId,
            @Parameter(description = "Only deals opened from this lead", example = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b")
            @QueryParam("leadId") String leadId,
            @Parameter(description = "Only deals attributed to this campaign",
                    example = "5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @QueryParam("campaignId") String campaignId,
            @Parameter(description = "Only deals in this stage (won and lost included)", example = "proposal")
            @QueryParam("stage") String stage,
            @Parameter(description = "Only deals of this owner (token subject)",
                    example = "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Only deals changed at or after this instant (RFC 3339)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince) {
        PageRequest page = PageRequest.of(limit, cursor);
        return opportunities.listOpportunities(new OpportunityService.OpportunityListParams(status, contactId, leadId,
                        campaignId, stage, ownerId, updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(OpportunityView::of).toList(), p.nextCursor()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Change some of an open opportunity's fields (JSON merge patch)",
            description = "lines replace the whole list; the stage moves with POST .../stage. Won and lost"
                    + " opportunities cannot be changed (409).")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "new close date",
            value = "{\"expectedCloseOn\": \"2026-07-31\", \"lines\": [{\"sku\": \"EB-CARGO-750\", \"quantity\": 10}]}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "opportunity", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid")
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The opportunity is won or lost")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return opportunities.patchOpportunity(id, ExpectedVersion.ofIfMatch(ifMatch),
                mapper.readTree(patch == null ? "" : patch)).map(OpportunityResource::ok);
    }

    @POST
    @Path("{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Move an open opportunity to another open stage",
            description = "Takes on the stage's probability; recorded in the history and published as"
                    + " crm.opportunity.stage-changed.v1. Moving to the current stage changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to proposal", value = "{\"stage\": \"proposal\"}")))
    @APIResponse(responseCode = "200", description = "Moved; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "opportunity", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not an open stage of the pipeline")
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The opportunity is won or lost",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "closed", value = CLOSED_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> moveToStage(@PathParam("id") UUID id, OpportunityTransitions.StageMove request,
                                     @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                     @HeaderParam("If-Match") String ifMatch) {
        return workflow.moveToStage(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(OpportunityResource::ok);
    }

    @POST
    @Path("{id}/win")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Win an open opportunity",
            description = "Final. Probability 100 %; the expected close becomes closedOn (default today, UTC);"
                    + " published as crm.opportunity.won.v1 with the line items.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "won today", value = "{\"closedOn\": \"2026-03-31\"}")))
    @APIResponse(responseCode = "200", description = "Won; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "opportunity", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "closedOn is invalid")
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The opportunity is already won or lost",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "closed", value = CLOSED_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> win(@PathParam("id") UUID id, OpportunityTransitions.Win request,
                             @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                             @HeaderParam("If-Match") String ifMatch) {
        return workflow.win(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(OpportunityResource::ok);
    }

    @POST
    @Path("{id}/lose")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Lose an open opportunity, with the reason",
            description = "Final. Probability 0 %; published as crm.opportunity.lost.v1.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lost on price",
            value = "{\"reason\": \"Went with a cheaper competitor\"}")))
    @APIResponse(responseCode = "200", description = "Lost; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "opportunity", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The reason is missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The opportunity is already won or lost",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "closed", value = CLOSED_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> lose(@PathParam("id") UUID id, OpportunityTransitions.Loss request,
                              @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                              @HeaderParam("If-Match") String ifMatch) {
        return workflow.lose(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(OpportunityResource::ok);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "An opportunity's stage history, oldest first")
    @APIResponse(responseCode = "200", description = "One page of stage changes and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit or cursor is invalid")
    @APIResponse(responseCode = "404", description = "No such opportunity in your tenant and unit")
    public Uni<Page<OpportunityHistoryView>> history(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return workflow.history(id, PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(OpportunityHistoryView::of).toList(), p.nextCursor()));
    }

    private static Response ok(Opportunity o) {
        return Response.ok(OpportunityView.of(o)).tag(ExpectedVersion.etag(o.version())).build();
    }
}
