package crm.contacts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.service.ContactSearchParams;
import crm.contacts.service.ContactService;
import crm.contacts.service.NewContact;
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

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Customers and prospects of a franchise system")
@SecurityRequirement(name = "oidc")
public class ContactResource {

    static final String EXAMPLE = """
            {"salutation": "Frau", "academicTitle": "Dr.", "firstName": "Jana", "lastName": "Schulz",
             "emails": [{"type": "work", "address": "jana.schulz@example.com", "primary": true}],
             "phones": [{"type": "mobile", "number": "0170 1234567", "primary": true}],
             "addresses": [{"street": "Mönckebergstraße 7", "postalCode": "20095", "city": "Hamburg", "country": "DE"}],
             "lifecycleStage": "prospect", "tags": ["E-Bike", "Newsletter"], "source": "Messe Hamburg 2026",
             "unitId": "veloce-hamburg"}""";
    static final String VIEW_EXAMPLE = """
            {"id": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "unitId": "veloce-hamburg", "salutation": "Frau",
             "academicTitle": "Dr.", "firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com",
             "phone": "+491701234567",
             "emails": [{"type": "work", "address": "jana.schulz@example.com", "primary": true}],
             "phones": [{"type": "mobile", "number": "+491701234567", "primary": true}],
             "addresses": [{"street": "Mönckebergstraße 7", "postalCode": "20095", "city": "Hamburg", "country": "DE"}],
             "companyId": null, "lifecycleStage": "prospect", "ownerId": null, "tags": ["e-bike", "newsletter"],
             "source": "Messe Hamburg 2026", "version": 1, "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
             "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [" + "{\"id\": \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\","
            + " \"firstName\": \"Jana\", \"lastName\": \"Schulz\", \"version\": 1}],"
            + " \"nextCursor\": \"Y3JlYXRlZEF0HzIwMjYtMTEtMjc\"}";
    private static final String PATCH_EXAMPLE = "{\"lifecycleStage\": \"customer\", \"tags\": [\"e-bike\", \"vip\"],"
            + " \"academicTitle\": null}";
    private static final String PROBLEM_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
            + " \"detail\": \"phones[0].number: must be a phone number\","
            + " \"errors\": [{\"field\": \"phones[0].number\", \"message\": \"must be a phone number\"}]}";
    private static final String STALE_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Precondition Failed\","
            + " \"status\": 412, \"detail\": \"Contact 2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11 was changed by someone else;"
            + " read it again and send If-Match with its current ETag\"}";

    private final ContactService service;
    private final ObjectMapper mapper;

    public ContactResource(ContactService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Create a contact",
            description = "email and phone are shorthands for the primary e-mail and phone. With an Idempotency-Key,"
                    + " a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "prospect", value = EXAMPLE),
            @ExampleObject(name = "short", value = "{\"firstName\": \"Ole\", \"lastName\": \"Hansen\","
                    + " \"email\": \"ole.hansen@example.com\", \"phone\": \"040 5550102\"}")}))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the new contact",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid phone", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewContact request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.createContact(request, IdempotencyKey.ofHeader(idempotencyKey),
                        c -> StoredResponse.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build(),
                                ExpectedVersion.etag(c.version()), ContactView.of(c)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a contact")
    @APIResponse(responseCode = "200", description = "The contact, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "contact", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.findContact(id).map(this::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List or search contacts",
            description = "Without q: oldest change first (updatedSince for delta sync). With q: fuzzy full-text search"
                    + " over name, e-mail, phone, company name and city, best match first. Every sort pages by"
                    + " keyset; a cursor is valid only with the sort it was issued for.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ContactView>> list(
            @Parameter(description = "Search text, 2 to 200 characters; typos and missing umlauts are tolerated",
                    example = "Müller") @QueryParam("q") String q,
            @Parameter(description = "Lifecycle stage; repeat for several", example = "customer")
            @QueryParam("stage") List<String> stage,
            @Parameter(description = "Tag; repeat to require several", example = "vip") @QueryParam("tag") List<String> tag,
            @Parameter(description = "Owner (user subject)") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Unit (location)", example = "veloce-hamburg") @QueryParam("unitId") String unitId,
            @Parameter(description = "Created at or after (ISO 8601)", example = "2026-01-01T00:00:00Z")
            @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "Created before (ISO 8601)", example = "2027-01-01T00:00:00Z")
            @QueryParam("createdTo") String createdTo,
            @Parameter(description = "Only contacts changed at or after this instant (ISO 8601)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "name, createdAt or updatedAt; leading - for descending; default updatedAt,"
                    + " or relevance with q", example = "-createdAt") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ContactSearchParams params = new ContactSearchParams(q, stage, tag, ownerId, unitId, createdFrom, createdTo,
                updatedSince, sort);
        return service.searchContacts(params, page).map(ContactResource::views);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Replace a contact's settable fields",
            description = "Fields left out are cleared. Send If-Match with the ETag you read; the new ETag is returned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "replacement", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "contact", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    public Uni<Response> replace(@PathParam("id") UUID id, NewContact request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return service.replaceContact(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(this::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Change some of a contact's fields (JSON merge patch)",
            description = "RFC 7396: members set a field, null clears it, lists are replaced whole. Send If-Match"
                    + " with the ETag you read; the new ETag is returned.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "becomes customer", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "contact", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return service.patchContact(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(this::ok);
    }

    static Page<ContactView> views(Page<Contact> page) {
        return new Page<>(page.items().stream().map(ContactView::of).toList(), page.nextCursor());
    }

    private Response ok(Contact c) {
        return Response.ok(ContactView.of(c)).tag(ExpectedVersion.etag(c.version())).build();
    }
}
