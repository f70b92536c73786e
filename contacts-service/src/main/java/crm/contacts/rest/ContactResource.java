package crm.contacts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.service.ContactMergedException;
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
import jakarta.ws.rs.BeanParam;
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
             "unitId": "veloce-hamburg", "customFields": {"frame_size": "M", "budget": 2500},
             "externalId": "shop-4711"}""";
    static final String VIEW_EXAMPLE = """
            {"id": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "unitId": "veloce-hamburg", "salutation": "Frau",
             "academicTitle": "Dr.", "firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com",
             "phone": "+491701234567",
             "emails": [{"type": "work", "address": "jana.schulz@example.com", "primary": true}],
             "phones": [{"type": "mobile", "number": "+491701234567", "primary": true}],
             "addresses": [{"street": "Mönckebergstraße 7", "postalCode": "20095", "city": "Hamburg", "country": "DE"}],
             "companyId": null, "lifecycleStage": "prospect", "ownerId": null, "tags": ["e-bike", "newsletter"],
             "source": "Messe Hamburg 2026", "customFields": {"budget": 2500, "frame_size": "M"},
             "externalId": "shop-4711", "version": 1, "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
             "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [" + "{\"id\": \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\","
            + " \"firstName\": \"Jana\", \"lastName\": \"Schulz\", \"version\": 1}],"
            + " \"nextCursor\": \"Y3JlYXRlZEF0HzIwMjYtMTEtMjc\"}";
    private static final String PATCH_EXAMPLE = "{\"lifecycleStage\": \"customer\", \"tags\": [\"e-bike\", \"vip\"],"
            + " \"academicTitle\": null}";
    private static final String PROBLEM_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
            + " \"detail\": \"phones[0].number: must be a phone number\","
            + " \"errors\": [{\"field\": \"phones[0].number\", \"message\": \"must be a phone number\"}]}";
    private static final String DUPLICATE_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Conflict\","
            + " \"status\": 409, \"detail\": \"A contact like this exists already; send the request again with"
            + " force=true to create it anyway\", \"candidates\": [{\"id\": \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\","
            + " \"firstName\": \"Jana\", \"lastName\": \"Schulz\", \"matchedOn\": [\"email\"]}]}";
    private static final String CUSTOM_FIELD_PROBLEM_EXAMPLE = "{\"type\": \"about:blank\","
            + " \"title\": \"Unprocessable Content\", \"status\": 422,"
            + " \"detail\": \"customFields.frame_size must be one of S, M, L\","
            + " \"errors\": [{\"field\": \"customFields.frame_size\", \"message\": \"must be one of S, M, L\"}]}";
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
            description = "email and phone are shorthands for the primary e-mail and phone. A likely duplicate of a"
                    + " contact you can see (same e-mail address or phone number, same first and last name with the"
                    + " same postal code, or the same externalId) is refused with 409 listing the candidates, unless"
                    + " force=true. customFields are checked against the tenant's custom field definitions. With an"
                    + " Idempotency-Key, a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "prospect", value = EXAMPLE),
            @ExampleObject(name = "short", value = "{\"firstName\": \"Ole\", \"lastName\": \"Hansen\","
                    + " \"email\": \"ole.hansen@example.com\", \"phone\": \"040 5550102\"}")}))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the new contact",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid phone", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "409", description = "A likely duplicate (candidates listed), or the externalId is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "likely duplicate", value = DUPLICATE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A custom field value is wrong, or the Idempotency-Key was used"
            + " before with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "custom field", value = CUSTOM_FIELD_PROBLEM_EXAMPLE)))
    public Uni<Response> create(NewContact request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Parameter(description = "true creates the contact even if it looks like a duplicate",
                                        example = "true") @QueryParam("force") String force,
                                @Context UriInfo uri) {
        return service.createContact(request, IdempotencyKey.ofHeader(idempotencyKey), force(force),
                        c -> StoredResponse.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build(),
                                ExpectedVersion.etag(c.version()), ContactView.of(c)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a contact",
            description = "A contact that was merged into another answers 308 with the survivor's Location.")
    @APIResponse(responseCode = "200", description = "The contact, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "contact", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "308", description = "Merged; Location names the contact it lives on in",
            content = @Content(examples = @ExampleObject(name = "merged",
                    value = "{\"mergedInto\": \"7d444840-9dc0-11d1-b245-5ffdce74fad2\"}")))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id, @Context UriInfo uri) {
        return service.findContact(id).map(this::ok)
                .onFailure(ContactMergedException.class).recoverWithItem(e -> {
                    UUID survivor = ((ContactMergedException) e).survivorId();
                    return Response.status(308)
                            .location(uri.getBaseUriBuilder().path("api/v1/contacts").path(survivor.toString()).build())
                            .entity(java.util.Map.of("mergedInto", survivor)).build();
                });
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List or search contacts",
            description = "Without q: oldest change first (updatedSince for delta sync). With q: fuzzy full-text search"
                    + " over name, e-mail, phone, company name and city, best match first. cf.<key>=value filters"
                    + " by a custom field (e.g. cf.frame_size=M). Every sort pages by keyset; a cursor is valid only"
                    + " with the sort it was issued for. Merged contacts are never listed.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ContactView>> list(@BeanParam ContactFilterParams filters,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return service.searchContacts(filters.toSearch(uri), page).map(ContactResource::views);
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
    @APIResponse(responseCode = "409", description = "The contact was merged into another one, or the externalId is"
            + " taken")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A custom field value is wrong or a required one is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "custom field", value = CUSTOM_FIELD_PROBLEM_EXAMPLE)))
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
    @APIResponse(responseCode = "409", description = "The contact was merged into another one, or the externalId is"
            + " taken")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A custom field value is wrong or a required one is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "custom field", value = CUSTOM_FIELD_PROBLEM_EXAMPLE)))
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return service.patchContact(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(this::ok);
    }

    /** Only the literal {@code true} forces; anything else but nothing or {@code false} is a mistake worth a 400. */
    private static boolean force(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw crm.platform.problem.ProblemException.badRequest("force", "must be true or false");
    }

    static Page<ContactView> views(Page<Contact> page) {
        return new Page<>(page.items().stream().map(ContactView::of).toList(), page.nextCursor());
    }

    private Response ok(Contact c) {
        return Response.ok(ContactView.of(c)).tag(ExpectedVersion.etag(c.version())).build();
    }
}
