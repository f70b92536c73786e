package crm.contacts.rest;

import crm.contacts.service.ContactService;
import crm.contacts.service.NewContact;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Customers and prospects of a franchise system")
@SecurityRequirement(name = "oidc")
public class ContactResource {

    private static final String EXAMPLE = """
            {"firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com",
             "phone": "+49 40 1234567", "unitId": "veloce-hamburg"}""";

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Create a contact")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "prospect", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new contact")
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    public Uni<Response> create(NewContact request, @Context UriInfo uri) {
        return service.createContact(request).map(c -> Response
                .created(uri.getAbsolutePathBuilder().path(c.id().toString()).build())
                .tag(etag(c.version()))
                .entity(ContactView.of(c))
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a contact")
    @APIResponse(responseCode = "200", description = "The contact, with its version as ETag")
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.findContact(id).map(c -> Response.ok(ContactView.of(c)).tag(etag(c.version())).build());
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List contacts, oldest change first; updatedSince for delta sync")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next")
    @APIResponse(responseCode = "400", description = "limit, cursor or updatedSince is invalid")
    public Uni<Page<ContactView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only contacts changed at or after this instant (ISO 8601)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince) {
        PageRequest page = PageRequest.of(limit, cursor);
        return service.listContacts(parseInstant(updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(ContactView::of).toList(), p.nextCursor()));
    }

    private static OffsetDateTime parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("updatedSince", "must be an ISO 8601 date-time with offset");
        }
    }

    private static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }
}
