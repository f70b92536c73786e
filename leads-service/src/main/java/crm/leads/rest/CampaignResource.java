package crm.leads.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.Campaign;
import crm.leads.service.CampaignService;
import crm.leads.service.NewCampaign;
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
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Marketing campaigns, brand-wide or a unit's own, that leads are attributed to")
@SecurityRequirement(name = "oidc")
public class CampaignResource {

    private static final String EXAMPLE = """
            {"name": "Spring e-bike test days", "channel": "event", "startsOn": "2026-04-01", "endsOn": "2026-04-30",
             "budget": 12000.00, "currency": "EUR", "unitId": null}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "unitId": null, "name": "Spring e-bike test days",
             "channel": "event", "startsOn": "2026-04-01", "endsOn": "2026-04-30", "budget": 12000.00,
             "currency": "EUR", "version": 1, "createdAt": "2026-03-02T09:00:00.123456Z",
             "updatedAt": "2026-03-02T09:00:00.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [{\"id\": \"5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
            + " \"name\": \"Spring e-bike test days\", \"channel\": \"event\", \"startsOn\": \"2026-04-01\","
            + " \"version\": 1}], \"nextCursor\": null}";

    private final CampaignService campaigns;
    private final ObjectMapper mapper;

    public CampaignResource(CampaignService campaigns, ObjectMapper mapper) {
        this.campaigns = campaigns;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Create a campaign",
            description = "Headquarters may leave unitId out (brand-wide) or name a unit; franchisee staff create"
                    + " campaigns of their own unit. With an Idempotency-Key, a repeat within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "campaign", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the new campaign",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewCampaign request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return campaigns.createCampaign(request, IdempotencyKey.ofHeader(idempotencyKey),
                        c -> StoredResponse.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build(),
                                ExpectedVersion.etag(c.version()), CampaignView.of(c)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a campaign")
    @APIResponse(responseCode = "200", description = "The campaign, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "campaign", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign in your tenant, brand-wide or in your unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return campaigns.findCampaign(id).map(CampaignResource::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List campaigns (brand-wide and your unit's), oldest change first; updatedSince for delta sync")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter, limit, cursor or updatedSince is invalid")
    public Uni<Page<CampaignView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only campaigns of this channel", example = "trade_fair")
            @QueryParam("channel") String channel,
            @Parameter(description = "Only campaigns running on this day", example = "2026-04-15")
            @QueryParam("activeOn") String activeOn,
            @Parameter(description = "Only campaigns of this unit", example = "veloce-hamburg")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "Only campaigns changed at or after this instant (RFC 3339)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince) {
        PageRequest page = PageRequest.of(limit, cursor);
        return campaigns.listCampaigns(new CampaignService.CampaignListParams(channel, activeOn, unitId, updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(CampaignView::of).toList(), p.nextCursor()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Replace a campaign's settable fields",
            description = "Fields left out are cleared. Brand-wide campaigns are changed by headquarters only."
                    + " Send If-Match with the ETag you read; the new ETag is returned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "campaign", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "campaign", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "404", description = "No such campaign in your tenant, brand-wide or in your unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("id") UUID id, NewCampaign request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return campaigns.replaceCampaign(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(CampaignResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Change some of a campaign's fields (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "extend", value = "{\"endsOn\": \"2026-05-15\", \"budget\": 15000.00}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "campaign", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid")
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "404", description = "No such campaign in your tenant, brand-wide or in your unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return campaigns.patchCampaign(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(CampaignResource::ok);
    }

    private static Response ok(Campaign c) {
        return Response.ok(CampaignView.of(c)).tag(ExpectedVersion.etag(c.version())).build();
    }
}
