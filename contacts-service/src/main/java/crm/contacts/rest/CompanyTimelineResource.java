package crm.contacts.rest;

import crm.contacts.service.TimelineService;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The communication history of a company and its contacts. */
@Path("/api/v1/companies/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Everything that happened with a contact or company, newest first")
@SecurityRequirement(name = "oidc")
public class CompanyTimelineResource {

    private final TimelineService service;

    public CompanyTimelineResource(TimelineService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a company's timeline",
            description = "The company's own entries and those of the contacts working for it, newest first.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = TimelineResource.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such company in your tenant and unit")
    public Uni<Page<TimelineEntryView>> ofCompany(
            @PathParam("id") UUID id,
            @Parameter(description = "Only these kinds; repeat or separate by commas", example = "purchase")
            @QueryParam("kind") List<String> kind,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.ofCompany(id, kind, PageRequest.of(limit, cursor)).map(TimelineResource::views);
    }
}
