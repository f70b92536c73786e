package crm.contacts.rest;

import crm.contacts.domain.CustomField;
import crm.contacts.service.CustomFieldChange;
import crm.contacts.service.CustomFieldService;
import crm.contacts.service.NewCustomField;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
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

@Path("/api/v1/contacts/fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Custom fields", description = "Fields a franchise system adds to its contacts")
@SecurityRequirement(name = "oidc")
public class CustomFieldResource {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final String EXAMPLE = """
            {"key": "frame_size", "type": "choice", "label": {"de": "Rahmengröße", "en": "Frame size"},
             "required": false, "options": ["S", "M", "L", "XL"]}""";
    private static final String CHANGE_EXAMPLE = """
            {"label": {"de": "Rahmengröße", "en": "Frame size"}, "required": true, "options": ["XS", "S", "M", "L", "XL"]}""";
    private static final String VIEW_EXAMPLE = """
            {"key": "frame_size", "type": "choice", "label": {"de": "Rahmengröße", "en": "Frame size"},
             "required": false, "options": ["S", "M", "L", "XL"], "version": 1,
             "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";

    private final CustomFieldService fields;

    public CustomFieldResource(CustomFieldService fields) {
        this.fields = fields;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List the tenant's custom field definitions",
            description = "All of them (at most 100), in the order they were created; contact forms show them.")
    @APIResponse(responseCode = "200", description = "The definitions",
            content = @Content(examples = @ExampleObject(name = "fields",
                    value = "{\"items\": [" + VIEW_EXAMPLE + "], \"nextCursor\": null}")))
    public Uni<Page<CustomFieldView>> list() {
        return fields.listFields().map(all -> new Page<>(all.stream().map(CustomFieldView::of).toList(), null));
    }

    @GET
    @Path("{key}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a custom field definition")
    @APIResponse(responseCode = "200", description = "The definition, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "field", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such custom field in your tenant")
    public Uni<Response> get(@Parameter(description = "The field's key", example = "frame_size") @PathParam("key") String key) {
        return fields.findField(checked(key)).map(CustomFieldResource::ok);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Define a custom field (brand-wide admins)",
            description = "type is text, number, date or choice; only a choice has options. Values live in a contact's"
                    + " customFields under the key. With an Idempotency-Key, a repeat returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "choice", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Defined; Location names it",
            content = @Content(examples = @ExampleObject(name = "field", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field of the definition is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, or a franchisee's admin (definitions hold for all units)")
    @APIResponse(responseCode = "409", description = "The key is taken, or the tenant has 100 fields already")
    public Uni<Response> create(NewCustomField request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return fields.createField(request, IdempotencyKey.ofHeader(idempotencyKey),
                        f -> StoredResponse.created(uri.getAbsolutePathBuilder().path(f.key()).build(),
                                ExpectedVersion.etag(f.version()), CustomFieldView.of(f)))
                .map(StoredResponse::toResponse);
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a custom field's labels, required flag or options (brand-wide admins)",
            description = "Key and type stay. Values contacts have keep counting as valid until they are changed,"
                    + " even if an option they use is removed. Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "more options", value = CHANGE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "field", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the type would change")
    @APIResponse(responseCode = "403", description = "Not a brand-wide admin")
    @APIResponse(responseCode = "404", description = "No such custom field in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> change(@Parameter(description = "The field's key", example = "frame_size") @PathParam("key") String key,
                                CustomFieldChange change,
                                @Parameter(description = "ETag of the version the change is based on", example = "\"1\"")
                                @HeaderParam("If-Match") String ifMatch) {
        return fields.changeField(checked(key), ExpectedVersion.ofIfMatch(ifMatch), change).map(CustomFieldResource::ok);
    }

    @DELETE
    @Path("{key}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a custom field and every contact's value for it (brand-wide admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not a brand-wide admin")
    @APIResponse(responseCode = "404", description = "No such custom field in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale",
                    value = "{\"type\": \"about:blank\", \"title\": \"Precondition Failed\", \"status\": 412,"
                            + " \"detail\": \"Custom field frame_size was changed by someone else; read it again and"
                            + " send If-Match with its current ETag\"}")))
    public Uni<Response> delete(@Parameter(description = "The field's key", example = "frame_size") @PathParam("key") String key,
                                @Parameter(description = "ETag of the version you read", example = "\"2\"")
                                @HeaderParam("If-Match") String ifMatch) {
        return fields.deleteField(checked(key), ExpectedVersion.ofIfMatch(ifMatch)).map(ignored -> Response.noContent().build());
    }

    /** A key that cannot exist is not looked up: 404 as for any unknown key. */
    private static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.notFound("Custom field");
        }
        return key;
    }

    private static Response ok(CustomField f) {
        return Response.ok(CustomFieldView.of(f)).tag(ExpectedVersion.etag(f.version())).build();
    }
}
