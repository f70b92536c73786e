package crm.contacts.rest;

import crm.contacts.domain.TimelineEntry;
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

/** The communication history of a contact. */
@Path("/api/v1/contacts/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Everything that happened with a contact or company, newest first")
@SecurityRequirement(name = "oidc")
public class TimelineResource {

    static final String PAGE_EXAMPLE = """
            {"items": [{"id": "0b7c2f4e-3a8d-4e59-9a1b-6f2d7c8e9a10", "kind": "call",
              "occurredAt": "2026-11-27T10:15:30.123456Z", "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11",
              "companyId": null, "unitId": "veloce-hamburg", "authorId": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
              "summary": "Asked about the service interval of her e-bike", "outcome": "appointment booked",
              "direction": "inbound", "source": "contacts-service",
              "interactionId": "9e3d1c2b-8a7f-4e6d-9c5b-4a3f2e1d0c9b", "taskId": null, "purchaseId": null,
              "leadId": null, "opportunityId": null, "ticketId": null}],
             "nextCursor": "LW9jY3VycmVkQXQfMjAyNi0xMS0yN1QxMDoxNTozMC4xMjM0NTZaHzBiN2MyZjRl"}""";

    private final TimelineService service;

    public TimelineResource(TimelineService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a contact's timeline",
            description = "Logged interactions, purchases, consent changes and what other services reported about"
                    + " the contact (leads, opportunities, tickets), newest first. Filter with kind (repeatable).")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Page<TimelineEntryView>> ofContact(
            @PathParam("id") UUID id,
            @Parameter(description = "Only these kinds; repeat or separate by commas", example = "call")
            @QueryParam("kind") List<String> kind,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.ofContact(id, kind, PageRequest.of(limit, cursor)).map(TimelineResource::views);
    }

    static Page<TimelineEntryView> views(Page<TimelineEntry> page) {
        return new Page<>(page.items().stream().map(TimelineEntryView::of).toList(), page.nextCursor());
    }
}
