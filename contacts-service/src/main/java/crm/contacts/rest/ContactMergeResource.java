package crm.contacts.rest;

import crm.contacts.service.ContactMergeService;
import crm.contacts.service.MergeRequest;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

@Path("/api/v1/contacts/{id}/merge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
@SecurityRequirement(name = "oidc")
public class ContactMergeResource {

    private final ContactMergeService merges;

    public ContactMergeResource(ContactMergeService merges) {
        this.merges = merges;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Merge duplicates into this contact",
            description = "The contact in the path survives: its values win, what it lacks is taken from the merged"
                    + " contacts, lists are united. Timeline, interactions, tasks, purchases and consents of the merged"
                    + " contacts move to it. Each merged contact stays as a tombstone: GET answers 308 with the"
                    + " survivor's Location, lists and searches skip it. Publishes crm.contact.merged.v1 per merged"
                    + " contact. If-Match (the survivor's ETag) is optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two duplicates",
            value = "{\"mergeIds\": [\"7d444840-9dc0-11d1-b245-5ffdce74fad2\", \"e0b9f8a2-3c1d-4e5f-8a7b-9c0d1e2f3a4b\"]}")))
    @APIResponse(responseCode = "200", description = "The survivor after the merge; ETag is its version",
            content = @Content(examples = @ExampleObject(name = "survivor", value = ContactResource.VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "mergeIds is empty, too long, repeats an id, names the survivor, or"
            + " names a contact you cannot see or that was merged already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins merge contacts")
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The contact in the path was itself merged into another one")
    @APIResponse(responseCode = "412", description = "If-Match does not match the survivor's current version")
    public Uni<Response> merge(@PathParam("id") UUID id, MergeRequest request,
                               @Parameter(description = "ETag of the survivor as you read it", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) {
        return merges.merge(id, ExpectedVersion.ofIfMatch(ifMatch), request)
                .map(c -> Response.ok(ContactView.of(c)).tag(ExpectedVersion.etag(c.version())).build());
    }
}
