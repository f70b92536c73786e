package crm.contacts.rest;

import crm.contacts.service.InteractionService;
import crm.contacts.service.NewInteraction;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
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

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions", description = "Calls, e-mails, meetings, letters, chats, notes and web-form entries")
@SecurityRequirement(name = "oidc")
public class InteractionResource {

    private static final String EXAMPLE = """
            {"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "kind": "call", "direction": "inbound",
             "occurredAt": "2026-11-27T10:15:30Z", "summary": "Asked about the service interval of her e-bike",
             "outcome": "appointment booked"}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "9e3d1c2b-8a7f-4e6d-9c5b-4a3f2e1d0c9b", "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11",
             "companyId": null, "unitId": "veloce-hamburg", "kind": "call", "direction": "inbound",
             "occurredAt": "2026-11-27T10:15:30Z", "authorId": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
             "summary": "Asked about the service interval of her e-bike", "outcome": "appointment booked",
             "createdAt": "2026-11-27T10:16:02.000001Z"}""";

    private final InteractionService service;

    public InteractionResource(InteractionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Log an interaction",
            description = "Records it on the timeline of the contact (or company) and publishes"
                    + " crm.interaction.logged.v1 without the summary text. The author is the caller; occurredAt"
                    + " defaults to now. With an Idempotency-Key, a repeat within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "inbound call", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Logged; Location names the interaction",
            content = @Content(examples = @ExampleObject(name = "logged", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the contact or company is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role does not allow it")
    public Uni<Response> log(NewInteraction request,
                             @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                     example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                             @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        return service.log(request, IdempotencyKey.ofHeader(idempotencyKey),
                        i -> StoredResponse.created(uri.getAbsolutePathBuilder().path(i.id().toString()).build(), null,
                                InteractionView.of(i)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a logged interaction")
    @APIResponse(responseCode = "200", description = "The interaction",
            content = @Content(examples = @ExampleObject(name = "interaction", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such interaction in your tenant and unit")
    public Uni<InteractionView> get(@PathParam("id") UUID id) {
        return service.find(id).map(InteractionView::of);
    }
}
