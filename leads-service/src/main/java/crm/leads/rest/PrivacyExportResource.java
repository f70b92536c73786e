package crm.leads.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.LeadActivity;
import crm.leads.events.LeadEvents;
import crm.leads.service.PersonalData;
import crm.leads.service.PrivacyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This service's part of a person's data export (GDPR Art. 15/20); the gateway composes the parts of all
 * services into {@code GET /api/v1/privacy/subjects/{contactId}/export}.
 */
@Path("/privacy/v1/subjects/{contactId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "What leads-service holds about a person")
@SecurityRequirement(name = "oidc")
public class PrivacyExportResource {

    /** The export: the person's leads with their histories, and the opportunities of the contact. */
    public record Export(String service, UUID subjectId, OffsetDateTime exportedAt, List<ExportedLead> leads,
                         JsonNode opportunities) {
    }

    public record ExportedLead(LeadView lead, List<LeadActivity> activities) {
    }

    private final PrivacyService privacy;
    private final ObjectMapper mapper;

    public PrivacyExportResource(PrivacyService privacy, ObjectMapper mapper) {
        this.privacy = privacy;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Export what leads-service holds about a person",
            description = "Leads linked to the contact or carrying its e-mail or phone, their activities, and the"
                    + " contact's opportunities. Empty lists when nothing is held.")
    @APIResponse(responseCode = "200", description = "The export", content = @Content(examples = @ExampleObject(
            name = "export", value = "{\"service\": \"leads-service\", \"subjectId\": \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\","
                    + " \"exportedAt\": \"2026-11-27T10:15:30Z\", \"leads\": [{\"lead\": " + Examples.LEAD
                    + ", \"activities\": [" + Examples.ACTIVITY_VIEW + "]}], \"opportunities\": []}")))
    @APIResponse(responseCode = "403", description = "Privacy requests are for admins")
    public Uni<Export> export(@PathParam("contactId") UUID contactId) {
        return privacy.export(contactId).map(this::export);
    }

    private Export export(PersonalData.Holdings holdings) {
        try {
            return new Export(LeadEvents.SERVICE, holdings.subjectId(), OffsetDateTime.now(ZoneOffset.UTC),
                    holdings.leads().stream().map(r -> new ExportedLead(LeadView.of(r.lead()), r.activities())).toList(),
                    mapper.readTree(holdings.opportunities().encode()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opportunities export is not JSON", e);
        }
    }
}
