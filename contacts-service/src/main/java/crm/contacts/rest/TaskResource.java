package crm.contacts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Task;
import crm.contacts.service.NewTask;
import crm.contacts.service.Reassignment;
import crm.contacts.service.Snooze;
import crm.contacts.service.TaskService;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Follow-ups (Wiedervorlage) with due time, assignee and priority")
@SecurityRequirement(name = "oidc")
public class TaskResource {

    private static final String EXAMPLE = """
            {"title": "Call back about the service appointment", "notes": "Prefers mornings",
             "dueAt": "2026-12-01T09:00:00+01:00", "priority": "high",
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11"}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "3c2b1a09-8f7e-4d6c-9b5a-493827160abc", "title": "Call back about the service appointment",
             "notes": "Prefers mornings", "dueAt": "2026-12-01T08:00:00Z", "overdue": false,
             "assigneeId": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "priority": "high", "status": "open",
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "companyId": null, "unitId": "veloce-hamburg",
             "completedAt": null, "completedBy": null, "version": 1,
             "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "createdAt": "2026-11-27T10:15:30.123456Z",
             "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [" + VIEW_EXAMPLE + "], \"nextCursor\": null}";
    private static final String STALE = "If-Match does not match the current version";

    private final TaskService service;
    private final ObjectMapper mapper;

    public TaskResource(TaskService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Create a follow-up task",
            description = "The assignee defaults to the caller. When the task falls due, crm.task.due.v1 is published"
                    + " exactly once. With an Idempotency-Key, a repeat within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "call back", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the task",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the contact or company is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    public Uni<Response> create(NewTask request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.create(request, IdempotencyKey.ofHeader(idempotencyKey),
                        t -> StoredResponse.created(uri.getAbsolutePathBuilder().path(t.id().toString()).build(),
                                ExpectedVersion.etag(t.version()), TaskView.of(t)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "List follow-up tasks",
            description = "view=mine (default): assigned to the caller; overdue: the caller's open tasks past due;"
                    + " unit: every task of the caller's unit, or of all units for HQ (manager or admin). Ordered by"
                    + " due time; with updatedSince by last change, for delta sync.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The unit view needs the manager or admin role")
    public Uni<Page<TaskView>> list(
            @Parameter(description = "mine, overdue or unit", example = "mine") @QueryParam("view") String view,
            @Parameter(description = "open or done", example = "open") @QueryParam("status") String status,
            @Parameter(description = "Only tasks changed at or after this instant (ISO 8601)",
                    example = "2026-11-01T00:00:00Z") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.list(view, status, updatedSince, PageRequest.of(limit, cursor))
                .map(page -> new Page<>(page.items().stream().map(TaskView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Read a task")
    @APIResponse(responseCode = "200", description = "The task, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "task", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(id).map(TaskResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Change a task (JSON merge patch)",
            description = "title, notes, dueAt, assigneeId, priority, contactId, companyId. A new due time moves the"
                    + " due event. Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "later and urgent",
            value = "{\"dueAt\": \"2026-12-02T09:00:00Z\", \"priority\": \"urgent\"}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "task", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task in your tenant and unit")
    @APIResponse(responseCode = "412", description = STALE)
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return service.patch(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(TaskResource::ok);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Complete a task", description = "Publishes crm.task.completed.v1; a task that is done stays done.")
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(examples = @ExampleObject(name = "task", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such task in your tenant and unit")
    @APIResponse(responseCode = "412", description = STALE)
    public Uni<Response> complete(@PathParam("id") UUID id,
                                  @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                  @HeaderParam("If-Match") String ifMatch) {
        return service.complete(id, ExpectedVersion.ofIfMatch(ifMatch)).map(TaskResource::ok);
    }

    @POST
    @Path("{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Snooze a task", description = "Sets a new due time (until) or moves it minutes from now;"
            + " the task falls due again then.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "one hour", value = "{\"minutes\": 60}"),
            @ExampleObject(name = "until", value = "{\"until\": \"2026-12-03T09:00:00Z\"}")}))
    @APIResponse(responseCode = "200", description = "The snoozed task",
            content = @Content(examples = @ExampleObject(name = "task", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Neither or both of until and minutes, or a time in the past",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The task is done")
    @APIResponse(responseCode = "412", description = STALE)
    public Uni<Response> snooze(@PathParam("id") UUID id, Snooze snooze,
                                @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.snooze(id, ExpectedVersion.ofIfMatch(ifMatch), snooze).map(TaskResource::ok);
    }

    @POST
    @Path("{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Reassign a task", description = "Hands the task to another user (token subject).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to a colleague",
            value = "{\"assigneeId\": \"8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d\"}")))
    @APIResponse(responseCode = "200", description = "The reassigned task",
            content = @Content(examples = @ExampleObject(name = "task", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "assigneeId is missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The task is done")
    @APIResponse(responseCode = "412", description = STALE)
    public Uni<Response> reassign(@PathParam("id") UUID id, Reassignment reassignment,
                                  @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                  @HeaderParam("If-Match") String ifMatch) {
        return service.reassign(id, ExpectedVersion.ofIfMatch(ifMatch), reassignment).map(TaskResource::ok);
    }

    private static Response ok(Task t) {
        return Response.ok(TaskView.of(t)).tag(ExpectedVersion.etag(t.version())).build();
    }
}
