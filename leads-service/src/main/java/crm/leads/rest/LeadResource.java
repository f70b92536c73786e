package crm.leads.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.Lead;
import crm.leads.service.LeadCapture;
import crm.leads.service.LeadListParams;
import crm.leads.service.LeadService;
import crm.leads.service.NewLead;
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
import java.util.List;
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

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Capture, dedupe, scoring and routing of leads")
@SecurityRequirement(name = "oidc")
public class LeadResource {

    private final LeadService service;
    private final ObjectMapper mapper;

    public LeadResource(LeadService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Capture a lead",
            description = "A capture whose e-mail or phone matches an open lead is attached to that lead (200 with"
                    + " the lead) instead of creating a second one; otherwise the new lead is linked to a known contact"
                    + " with the same e-mail or phone, scored, routed and its speed-to-lead clock started (201)."
                    + " unitId is honoured for headquarters users; a franchisee's lead stays in their unit. With an"
                    + " Idempotency-Key, a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "trade fair", value = Examples.NEW_LEAD),
            @ExampleObject(name = "short", value = "{\"lastName\": \"Hansen\", \"phone\": \"040 5550102\","
                    + " \"postalCode\": \"22767\", \"channel\": \"cold_call\"}")}))
    @APIResponse(responseCode = "201", description = "A new lead; Location names it",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "200", description = "Attached to the open lead with the same e-mail or phone",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unreachable", value = Examples.PROBLEM)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewLead request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.createLead(request, IdempotencyKey.ofHeader(idempotencyKey), captured -> respond(uri, captured))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a lead")
    @APIResponse(responseCode = "200", description = "The lead, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.findLead(id).map(LeadResource::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List leads",
            description = "Oldest change first (updatedSince for delta sync), keyset paged. Views: mine (open leads you"
                    + " own), at-risk (untouched new leads past the warning share of their speed-to-lead target),"
                    + " breached (untouched new leads past it), hq-queue (open leads nobody owns at headquarters);"
                    + " all but mine need manager or admin.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The view needs manager or admin")
    public Uni<Page<LeadView>> list(
            @Parameter(description = "mine, at-risk, breached or hq-queue", example = "at-risk") @QueryParam("view") String view,
            @Parameter(description = "Status filter; repeat for several", example = "new") @QueryParam("status") List<String> status,
            @Parameter(description = "Leads linked to this contact") @QueryParam("contactId") String contactId,
            @Parameter(description = "Capture channel", example = "website") @QueryParam("channel") String channel,
            @Parameter(description = "Attributed campaign") @QueryParam("campaignId") String campaignId,
            @Parameter(description = "Owner (token subject)") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Only leads changed at or after this RFC 3339 time", example = "2026-11-27T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return service.listLeads(new LeadListParams(view, status, contactId, channel, campaignId, ownerId, updatedSince),
                page).map(LeadResource::views);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Change some of a lead's details (JSON merge patch)",
            description = "RFC 7396 on the person, company and interest fields; the lead is rescored. Status, owner and"
                    + " unit change through the workflow operations. Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "company size",
            value = "{\"companySize\": \"250-999\", \"message\": null}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The lead is converted or anonymised")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return service.patchLead(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(LeadResource::ok);
    }

    static StoredResponse respond(UriInfo uri, LeadCapture.Captured captured) {
        Lead lead = captured.lead();
        String location = uri.getBaseUriBuilder().path("api/v1/leads").path(lead.id().toString()).build().toString();
        String etag = ExpectedVersion.etag(lead.version()).toString();
        return new StoredResponse(captured.attached() ? 200 : 201, location, etag, LeadView.of(lead), false);
    }

    static Page<LeadView> views(Page<Lead> page) {
        return new Page<>(page.items().stream().map(LeadView::of).toList(), page.nextCursor());
    }

    static Response ok(Lead lead) {
        return Response.ok(LeadView.of(lead)).tag(ExpectedVersion.etag(lead.version())).build();
    }
}
