package crm.contacts.rest;

import crm.contacts.service.ErasureStatus;
import crm.contacts.service.PrivacyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/privacy/subjects/{contactId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR erasure (Art. 17) of a person and its progress across services")
@SecurityRequirement(name = "oidc")
public class ErasureResource {

    private static final String STATUS_EXAMPLE = """
            {"erasureRequestId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "subjectId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "requestedAt": "2026-11-27T10:15:30.123456Z",
             "requestedBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "status": "requested", "services": [
              {"service": "contacts-service", "status": "applied", "appliedAt": "2026-11-27T10:15:30.123456Z"},
              {"service": "leads-service", "status": "applied", "appliedAt": "2026-11-27T10:15:31.5Z"},
              {"service": "tickets-service", "status": "pending", "appliedAt": null},
              {"service": "analytics-service", "status": "pending", "appliedAt": null}]}""";

    private final PrivacyService service;

    public ErasureResource(PrivacyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Erase a person (GDPR Art. 17)",
            description = "Anonymises the contact and everything about it in this service at once, records an audit"
                    + " entry without personal data and publishes crm.contact.erased.v1, which every other service"
                    + " answers when it has anonymised the person. A repeated request answers the first one's status.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow",
            content = @Content(examples = @ExampleObject(name = "requested", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Only admins run privacy requests")
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<Response> request(@PathParam("contactId") UUID contactId) {
        return service.requestErasure(contactId).map(status -> Response.accepted(status).build());
    }

    @GET
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Read the state of a person's erasure",
            description = "Which services have applied it; complete when every one of them has.")
    @APIResponse(responseCode = "200", description = "The erasure and its state per service",
            content = @Content(examples = @ExampleObject(name = "in progress", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact, or no erasure was requested for it")
    public Uni<ErasureStatus> status(@PathParam("contactId") UUID contactId) {
        return service.erasureStatus(contactId);
    }
}
