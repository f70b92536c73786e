package crm.analytics.rest;

import crm.analytics.repository.SegmentRepository.Channel;
import crm.analytics.repository.SegmentRepository.Member;
import crm.analytics.service.NewSegment;
import crm.analytics.service.SegmentService;
import crm.analytics.service.SegmentService.Audience;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/v1/analytics/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics: segments", description = "Customer segments for campaigns and their consented audiences")
@SecurityRequirement(name = "oidc")
public class SegmentResource {

    static final String CSV = "text/csv";
    private static final String REQUEST_EXAMPLE = """
            {"name": "Hamburg champions without a helmet", "rfmSegments": ["champions", "loyal"],
             "boughtSkus": ["EBIKE-CITY"], "notBoughtSkus": ["HELMET-M"], "lifecycleStages": ["customer"],
             "tags": ["newsletter"], "unitIds": ["veloce-hamburg"]}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "5d6e7f80-91a2-4b3c-8d4e-5f6071829304", "unitId": null, "name": "Hamburg champions without a helmet",
             "rfmSegments": ["champions", "loyal"], "boughtSkus": ["EBIKE-CITY"], "notBoughtSkus": ["HELMET-M"],
             "lifecycleStages": ["customer"], "tags": ["newsletter"], "unitIds": ["veloce-hamburg"], "size": 12,
             "version": 1, "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = """
            {"items": [{"id": "5d6e7f80-91a2-4b3c-8d4e-5f6071829304", "unitId": null,
              "name": "Hamburg champions without a helmet", "rfmSegments": ["champions", "loyal"], "boughtSkus": [],
              "notBoughtSkus": [], "lifecycleStages": [], "tags": [], "unitIds": [], "size": null, "version": 1,
              "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}],
             "nextCursor": null}""";
    private static final String CSV_EXAMPLE = "contactId,firstName,lastName,email\r\n"
            + "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11,Jana,Schulz,jana.schulz@example.com\r\n";
    private static final String PROBLEM_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Bad Request\","
            + " \"status\": 400, \"detail\": \"name must not be blank\","
            + " \"errors\": [{\"field\": \"name\", \"message\": \"must not be blank\"}]}";

    private final SegmentService segments;

    public SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Define a segment for a campaign",
            description = "Every given criterion must hold; within a list any value matches, except tags, which must"
                    + " all be present. RFM segments and bought SKUs refer to figures of your scope (brand-wide for HQ,"
                    + " your unit for franchisee staff); franchisee staff segment their own unit's contacts only."
                    + " With an Idempotency-Key, a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "champions", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed), with its current size",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no name", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewSegment request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return segments.create(request, IdempotencyKey.ofHeader(idempotencyKey),
                        s -> StoredResponse.created(uri.getAbsolutePathBuilder().path(s.segment().id().toString()).build(),
                                ExpectedVersion.etag(s.segment().version()), SegmentView.of(s.segment(), s.size())))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Read a segment with its current size")
    @APIResponse(responseCode = "200", description = "The segment; ETag is its version",
            content = @Content(examples = @ExampleObject(name = "segment", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such segment in your tenant and unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "The segment", example = "5d6e7f80-91a2-4b3c-8d4e-5f6071829304")
                             @PathParam("id") UUID id) {
        return segments.find(id).map(s -> Response.ok(SegmentView.of(s.segment(), s.size()))
                .tag(ExpectedVersion.etag(s.segment().version())).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "List segments", description = "Oldest change first (updatedSince for delta sync); keyset pages.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<SegmentView>> list(
            @Parameter(description = "Only segments changed at or after this instant (ISO 8601)",
                    example = "2026-11-01T00:00:00Z") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(ReportParams.limit(limit, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT),
                cursor);
        return segments.list(updatedSince, page).map(p -> new Page<>(p.items().stream()
                .map(s -> SegmentView.of(s, null)).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}/audience.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Export a segment's audience for one channel (CSV)",
            description = "Only members who granted consent for the channel (the latest crm.consent.changed.v1) and can"
                    + " be reached on it. Columns: contactId, firstName, lastName and the channel's address: email for"
                    + " email; phone for phone and sms; street, postalCode and city for post. Streamed.")
    @APIResponse(responseCode = "200", description = "The audience",
            content = @Content(mediaType = CSV, examples = @ExampleObject(name = "email", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "channel is missing or not a channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such segment in your tenant and unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<String> audience(
            @Parameter(description = "The segment", example = "5d6e7f80-91a2-4b3c-8d4e-5f6071829304") @PathParam("id") UUID id,
            @Parameter(description = "email, phone, sms or post", example = "email", required = true)
            @QueryParam("channel") String channel) {
        Channel chosen = ReportParams.choice("channel", channel, null, Channel::of);
        if (chosen == null) {
            throw crm.platform.problem.ProblemException.badRequest("channel", "is required: " + Channel.ALLOWED);
        }
        return RestMulti.fromUniResponse(segments.audience(id, chosen), SegmentResource::lines,
                audience -> Map.of("Content-Disposition",
                        List.of("attachment; filename=\"segment-" + id + "-" + chosen.value() + ".csv\"")));
    }

    private static Multi<String> lines(Audience audience) {
        List<String> header = new ArrayList<>(List.of("contactId", "firstName", "lastName"));
        audience.channel().columns().forEach(c -> header.add(camelCase(c)));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CsvLine.of(header)),
                audience.members().map(SegmentResource::line));
    }

    private static String line(Member m) {
        List<String> fields = new ArrayList<>(List.of(m.contactId().toString(), nullToEmpty(m.firstName()),
                nullToEmpty(m.lastName())));
        m.address().forEach(value -> fields.add(nullToEmpty(value)));
        return CsvLine.of(fields);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String camelCase(String column) {
        return column.equals("postal_code") ? "postalCode" : column;
    }

}
