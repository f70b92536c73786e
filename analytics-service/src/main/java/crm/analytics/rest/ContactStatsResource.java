package crm.analytics.rest;

import crm.analytics.service.ContactStatsService;
import crm.analytics.service.ContactStatsService.ContactCount;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Figures from the events of all services")
@SecurityRequirement(name = "oidc")
public class ContactStatsResource {

    private final ContactStatsService service;

    public ContactStatsResource(ContactStatsService service) {
        this.service = service;
    }

    @GET
    @Path("count")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Number of contacts: the whole tenant for HQ staff, the own unit for franchisee staff")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(examples = @ExampleObject(
            name = "hq", value = "{\"tenantId\": \"veloce\", \"contacts\": 1250}")))
    public Uni<ContactCount> count() {
        return service.countContacts();
    }
}
