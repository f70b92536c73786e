package crm.contacts.rest;

import crm.contacts.domain.Consent;
import crm.contacts.service.ConsentService;
import crm.contacts.service.ConsentStatement;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/contacts/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Consent per channel (e-mail, phone, SMS, post) with source and wording version")
@SecurityRequirement(name = "oidc")
public class ConsentResource {

    private static final String STATEMENT_EXAMPLE = """
            {"status": "granted", "source": "newsletter form on veloce.example", "wordingVersion": "2026-03",
             "changedAt": "2026-11-27T10:15:30Z"}""";
    private static final String VIEW_EXAMPLE = """
            {"channel": "email", "status": "granted", "source": "newsletter form on veloce.example",
             "wordingVersion": "2026-03", "changedAt": "2026-11-27T10:15:30Z",
             "changedBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "version": 1}""";
    private static final String LIST_EXAMPLE = """
            {"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "items": [
             {"channel": "email", "status": "granted", "source": "newsletter form on veloce.example",
              "wordingVersion": "2026-03", "changedAt": "2026-11-27T10:15:30Z",
              "changedBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "version": 1},
             {"channel": "phone", "status": "unknown", "source": null, "wordingVersion": null, "changedAt": null,
              "changedBy": null, "version": 0},
             {"channel": "sms", "status": "withdrawn", "source": "shop counter", "wordingVersion": null,
              "changedAt": "2026-10-02T15:00:00Z", "changedBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "version": 2},
             {"channel": "post", "status": "unknown", "source": null, "wordingVersion": null, "changedAt": null,
              "changedBy": null, "version": 0}]}""";

    private final ConsentService service;

    public ConsentResource(ConsentService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a contact's consent per channel",
            description = "Always lists e-mail, phone, SMS and post; a channel without any statement is unknown.")
    @APIResponse(responseCode = "200", description = "The consent in force per channel",
            content = @Content(examples = @ExampleObject(name = "consents", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    public Uni<ConsentView.OfContact> list(@PathParam("id") UUID id) {
        return service.ofContact(id).map(all -> ConsentView.OfContact.of(id, all));
    }

    @PUT
    @Path("{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record a contact's consent for one channel",
            description = "Replaces the statement in force; the change goes onto the contact's timeline and is"
                    + " published as crm.consent.changed.v1. If-Match with the channel's version (\"0\" for a"
                    + " channel never recorded) guards against lost updates; repeating the same statement changes"
                    + " nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "newsletter opt-in", value = STATEMENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The consent now in force; ETag is its version",
            content = @Content(examples = @ExampleObject(name = "granted", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the channel is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the channel's current version")
    public Uni<Response> change(@PathParam("id") UUID id,
                                @Parameter(description = "email, phone, sms or post", example = "email")
                                @PathParam("channel") String channel,
                                ConsentStatement statement,
                                @Parameter(description = "ETag of the version the change is based on", example = "\"1\"")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.change(id, channel, ExpectedVersion.ofIfMatch(ifMatch), statement).map(ConsentResource::ok);
    }

    private static Response ok(Consent c) {
        return Response.ok(ConsentView.of(c)).tag(ExpectedVersion.etag(c.version())).build();
    }
}
