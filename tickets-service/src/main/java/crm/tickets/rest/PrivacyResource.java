package crm.tickets.rest;

import crm.tickets.service.PrivacyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal: this service's part of a person's export; the gateway composes the whole document. */
@Path("/privacy/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Internal part of the GDPR export (Art. 15/20)")
@SecurityRequirement(name = "oidc")
public class PrivacyResource {

    /** Everything tickets-service holds about one person. */
    public record Export(String service, UUID subjectId, List<ExportedTicket> tickets) {
    }

    public record ExportedTicket(TicketView ticket, List<CommentView> comments, List<AttachmentView> attachments) {
    }

    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GET
    @Path("{contactId}/export")
    @RolesAllowed("admin")
    @Operation(summary = "Export what tickets-service holds about a person",
            description = "The person's tickets with all comments (notes included) and attachment metadata, as far as"
                    + " the caller's tenant and unit reach. Admins only; an unknown person has no tickets.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(examples = @ExampleObject(name = "export", value = Examples.EXPORT)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<Export> export(@PathParam("contactId") UUID contactId) {
        return privacy.export(contactId).map(found -> new Export("tickets-service", contactId, found.stream()
                .map(t -> new ExportedTicket(TicketView.of(t.ticket()),
                        t.comments().stream().map(CommentView::of).toList(),
                        t.attachments().stream().map(AttachmentView::of).toList()))
                .toList()));
    }
}
