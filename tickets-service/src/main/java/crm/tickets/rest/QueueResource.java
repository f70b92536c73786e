package crm.tickets.rest;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.tickets.domain.Queue;
import crm.tickets.domain.RoutingRules;
import crm.tickets.repository.SettingsRepository.Stored;
import crm.tickets.service.NewQueue;
import crm.tickets.service.QueueService;
import crm.tickets.service.RoutingRulesRequest;
import crm.tickets.service.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues and routing", description = "Queues with their agents, and the rules that route tickets to them")
@SecurityRequirement(name = "oidc")
public class QueueResource {

    private final QueueService queues;
    private final SettingsService settings;

    public QueueResource(QueueService queues, SettingsService settings) {
        this.queues = queues;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a queue",
            description = "strategy: round_robin (next member in turn), least_loaded (fewest open tickets) or skill"
                    + " (least loaded among members whose skills include the ticket's category). Members at their"
                    + " capacity or inactive get no tickets. Headquarters admins only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "battery service", value = Examples.NEW_QUEUE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed)",
            content = @Content(examples = @ExampleObject(name = "queue", value = Examples.QUEUE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    public Uni<Response> create(NewQueue request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe",
                                        example = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return queues.createQueue(request, IdempotencyKey.ofHeader(idempotencyKey),
                        q -> StoredResponse.created(uri.getAbsolutePathBuilder().path(q.id().toString()).build(),
                                ExpectedVersion.etag(q.version()), QueueView.of(q)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List queues", description = "Oldest change first; updatedSince for delta sync.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.QUEUE_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<QueueView>> list(
            @Parameter(description = "Only queues changed at or after this instant", example = "2026-11-01T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return queues.listQueues(updatedSince, PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(QueueView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("routing-rules")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read the routing rules",
            description = "Rules in the order they are tried; the first whose conditions all hold decides the queue."
                    + " Tickets no rule claims go to the default queue. ETag \"0\" means none configured yet.")
    @APIResponse(responseCode = "200", description = "The rules, with their version as ETag",
            content = @Content(examples = @ExampleObject(name = "rules", value = Examples.ROUTING_RULES)))
    public Uni<Response> routingRules() {
        return settings.routingRules().map(QueueResource::ok);
    }

    @PUT
    @Path("routing-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace the routing rules",
            description = "Conditions: categories, priorities, channels, unitIds, words (in subject or description)"
                    + " and tiers (of the customer); a missing or empty list does not restrict, within a list any entry"
                    + " matches. Each rule names an existing queue. Headquarters admins only; send If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two rules", value = Examples.ROUTING_RULES)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "rules", value = Examples.ROUTING_RULES)))
    @APIResponse(responseCode = "400", description = "A rule is invalid or names no queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceRoutingRules(RoutingRulesRequest request,
                                             @Parameter(description = "ETag of the version the change is based on",
                                                     example = "\"2\"") @HeaderParam("If-Match") String ifMatch) {
        return settings.replaceRoutingRules(ExpectedVersion.ofIfMatch(ifMatch), request).map(QueueResource::ok);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a queue")
    @APIResponse(responseCode = "200", description = "The queue, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "queue", value = Examples.QUEUE)))
    @APIResponse(responseCode = "404", description = "No such queue in your tenant")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queues.findQueue(id).map(QueueResource::ok);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a queue's name, strategy and members",
            description = "Headquarters admins only; send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "battery service", value = Examples.NEW_QUEUE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "queue", value = Examples.QUEUE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "404", description = "No such queue in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("id") UUID id, NewQueue request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"1\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return queues.replaceQueue(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(QueueResource::ok);
    }

    private static Response ok(Queue q) {
        return Response.ok(QueueView.of(q)).tag(ExpectedVersion.etag(q.version())).build();
    }

    private static Response ok(Stored<RoutingRules> stored) {
        return Response.ok(stored.document()).tag(ExpectedVersion.etag(stored.version())).build();
    }
}
