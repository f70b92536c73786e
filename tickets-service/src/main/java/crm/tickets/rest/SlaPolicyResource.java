package crm.tickets.rest;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.problem.Problem;
import crm.tickets.domain.BusinessCalendars;
import crm.tickets.domain.SlaPolicies;
import crm.tickets.repository.SettingsRepository.Stored;
import crm.tickets.service.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA policies", description = "Service levels per priority and tier, and the business hours they count in")
@SecurityRequirement(name = "oidc")
public class SlaPolicyResource {

    private final SettingsService settings;

    public SlaPolicyResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read the SLA policies",
            description = "Before a tenant configures its own, the defaults (ETag \"0\"): urgent 30/240, high 60/480,"
                    + " normal 240/1440 and low 480/2880 business minutes to first response/resolution, warning at 80 %,"
                    + " breach raises the priority and notifies the manager.")
    @APIResponse(responseCode = "200", description = "The policies, with their version as ETag",
            content = @Content(examples = @ExampleObject(name = "policies", value = Examples.SLA_POLICIES)))
    public Uni<Response> policies() {
        return settings.slaPolicies().map(SlaPolicyResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace the SLA policies",
            description = "A ticket is held to the policy of its priority and its customer's tier, else of its"
                    + " priority for all tiers, else to none; the terms are fixed when it opens. warningPercent (1-99)"
                    + " sets when the warning fires. Actions: raise_priority, move_to_escalation_queue (needs"
                    + " escalationQueueId), notify_manager (marks the breach event as the manager notification). Each"
                    + " warning and breach fires exactly once. Headquarters admins only; send If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "policies", value = Examples.SLA_POLICIES)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "policies", value = Examples.SLA_POLICIES)))
    @APIResponse(responseCode = "400", description = "A policy is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replacePolicies(SlaPolicies request,
                                         @Parameter(description = "ETag of the version the change is based on",
                                                 example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        return settings.replaceSlaPolicies(ExpectedVersion.ofIfMatch(ifMatch), request).map(SlaPolicyResource::ok);
    }

    @GET
    @Path("calendars")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read the business calendars",
            description = "The tenant's calendar and per-unit ones that replace it for that unit's tickets. Before"
                    + " configuration: Europe/Berlin, Monday to Friday 08:00-18:00 (ETag \"0\").")
    @APIResponse(responseCode = "200", description = "The calendars, with their version as ETag",
            content = @Content(examples = @ExampleObject(name = "calendars", value = Examples.CALENDARS)))
    public Uni<Response> calendars() {
        return settings.calendars().map(SlaPolicyResource::ok);
    }

    @PUT
    @Path("calendars")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace the business calendars",
            description = "Time zone, opening hours per weekday (monday ... sunday; closes \"00:00\" means midnight,"
                    + " so 00:00-00:00 is the whole day) and holidays (dates). SLA clocks count only open time."
                    + " Headquarters admins only; send If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "calendars", value = Examples.CALENDARS)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "calendars", value = Examples.CALENDARS)))
    @APIResponse(responseCode = "400", description = "A zone, day, time or date is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceCalendars(BusinessCalendars request,
                                          @Parameter(description = "ETag of the version the change is based on",
                                                  example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        return settings.replaceCalendars(ExpectedVersion.ofIfMatch(ifMatch), request).map(SlaPolicyResource::ok);
    }

    private static Response ok(Stored<?> stored) {
        return Response.ok(stored.document()).tag(ExpectedVersion.etag(stored.version())).build();
    }
}
