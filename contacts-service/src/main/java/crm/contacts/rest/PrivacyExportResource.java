package crm.contacts.rest;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.service.PrivacyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This service's part of a person's data export. Internal: the gateway calls it with the admin's token and
 * composes the parts of all services into GET /api/v1/privacy/subjects/{contactId}/export.
 */
@Path("/privacy/v1/subjects/{contactId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR erasure (Art. 17) of a person and its progress across services")
@SecurityRequirement(name = "oidc")
public class PrivacyExportResource {

    private static final String EXAMPLE = """
            {"service": "contacts-service", "subjectId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11",
             "exportedAt": "2026-11-27T10:15:30.123456Z",
             "contact": {"id": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "first_name": "Jana", "last_name": "Schulz",
                         "email": "jana.schulz@example.com", "unit_id": "veloce-hamburg"},
             "company": null, "timeline": [], "interactions": [], "tasks": [], "purchases": [],
             "consents": [{"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "channel": "email", "status": "granted",
                           "source": "newsletter form", "wordingVersion": "2026-03",
                           "changedAt": "2026-11-27T10:15:30Z", "changedBy": "5b1c0a5e", "version": 1}],
             "erasure": null}""";

    private final PrivacyService service;

    public PrivacyExportResource(PrivacyService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Export what contacts-service holds about a person (GDPR Art. 15/20)",
            description = "Internal: the contact with every stored field, its company, timeline, interactions, tasks,"
                    + " purchases, consents and erasure state.")
    @APIResponse(responseCode = "200", description = "Everything held about the person",
            content = @Content(examples = @ExampleObject(name = "export", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Only admins run privacy requests")
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<JsonNode> export(@PathParam("contactId") UUID contactId) {
        return service.export(contactId);
    }
}
