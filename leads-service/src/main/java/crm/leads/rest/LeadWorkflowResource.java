package crm.leads.rest;

import crm.leads.domain.LeadActivity;
import crm.leads.service.LeadWorkflowService;
import crm.leads.service.WorkflowRequests;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The steps of a lead's workflow and its activity log. Invalid steps answer 409. */
@Path("/api/v1/leads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lead workflow", description = "new, contacted, qualified, converted; disqualify, nurture, reassign; activities")
@SecurityRequirement(name = "oidc")
public class LeadWorkflowResource {

    private final LeadWorkflowService workflow;

    public LeadWorkflowResource(LeadWorkflowService workflow) {
        this.workflow = workflow;
    }

    @POST
    @Path("contact")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Mark a lead contacted", description = "From new or nurture. The first contact stops the"
            + " speed-to-lead clock. Send If-Match to make sure you act on the version you saw.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "note",
            value = "{\"note\": \"Reached her on the mobile, wants a test ride\"}")))
    @APIResponse(responseCode = "200", description = "The lead after the step",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the lead's status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> contact(@PathParam("id") UUID id, WorkflowRequests.Step request,
                                 @Parameter(description = "ETag the step is based on", example = "\"1\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return workflow.contact(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("qualify")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Mark a lead qualified", description = "From contacted or nurture.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "note",
            value = "{\"note\": \"Budget approved, fleet of 12 cargo bikes\"}")))
    @APIResponse(responseCode = "200", description = "The lead after the step",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "Not allowed from the lead's status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> qualify(@PathParam("id") UUID id, WorkflowRequests.Step request,
                                 @Parameter(description = "ETag the step is based on", example = "\"2\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return workflow.qualify(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("disqualify")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Disqualify a lead", description = "From any open status, with a reason. Final.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason",
            value = "{\"reason\": \"Student project, no purchase intent\"}")))
    @APIResponse(responseCode = "200", description = "The lead after the step",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The lead is already converted or disqualified")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> disqualify(@PathParam("id") UUID id, WorkflowRequests.Disqualification request,
                                    @Parameter(description = "ETag the step is based on", example = "\"2\"")
                                    @HeaderParam("If-Match") String ifMatch) {
        return workflow.disqualify(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("nurture")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Nurture a lead until a date", description = "From any open status; not ready to buy yet.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "spring",
            value = "{\"until\": \"2027-03-01\", \"reason\": \"Decides after the winter\"}")))
    @APIResponse(responseCode = "200", description = "The lead after the step",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "until is missing, past or more than two years ahead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The lead is already converted or disqualified")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> nurture(@PathParam("id") UUID id, WorkflowRequests.Nurturing request,
                                 @Parameter(description = "ETag the step is based on", example = "\"2\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return workflow.nurture(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("convert")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Convert a qualified lead",
            description = "Publishes crm.lead.converted.v1, from which contacts-service creates or links the contact"
                    + " (and company); the contact id comes back to the lead later. Optionally opens an opportunity in"
                    + " the same step.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "with opportunity", value = "{\"openOpportunity\": true,"
            + " \"opportunity\": {\"name\": \"Velo Logistik - 12 cargo bikes\", \"amount\": 54000.00,"
            + " \"currency\": \"EUR\", \"expectedCloseOn\": \"2027-01-31\"}}"),
            @ExampleObject(name = "contact only", value = "{\"openOpportunity\": false}")}))
    @APIResponse(responseCode = "200", description = "The converted lead",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "The opportunity draft is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The lead is not qualified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> convert(@PathParam("id") UUID id, WorkflowRequests.Conversion request,
                                 @Parameter(description = "ETag the step is based on", example = "\"3\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return workflow.convert(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("reassign")
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Reassign an open lead",
            description = "To another owner in its unit, to another unit (headquarters only), to the unit's queue (no"
                    + " ownerId) or to the HQ queue (queue hq, headquarters only). Publishes crm.lead.assigned.v1.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "to a rep", value = "{\"ownerId\":"
            + " \"5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e\", \"reason\": \"Speaks Danish\"}"),
            @ExampleObject(name = "to HQ", value = "{\"queue\": \"hq\", \"reason\": \"Key account\"}")}))
    @APIResponse(responseCode = "200", description = "The reassigned lead",
            content = @Content(examples = @ExampleObject(name = "lead", value = Examples.LEAD)))
    @APIResponse(responseCode = "400", description = "The reason is missing or the target is unclear",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Franchisees reassign within their unit only")
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The lead is converted or disqualified")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> reassign(@PathParam("id") UUID id, WorkflowRequests.Reassignment request,
                                  @Parameter(description = "ETag the step is based on", example = "\"2\"")
                                  @HeaderParam("If-Match") String ifMatch) {
        return workflow.reassign(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(LeadResource::ok);
    }

    @POST
    @Path("activities")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Log a call attempt, call, e-mail, meeting or note",
            description = "Any contact attempt on an untouched new lead counts as its first contact for speed-to-lead;"
                    + " calls, e-mails and meetings raise the engagement score.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "call attempt", value = Examples.ACTIVITY)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(examples = @ExampleObject(name = "activity", value = Examples.ACTIVITY_VIEW)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    public Uni<Response> logActivity(@PathParam("id") UUID id, WorkflowRequests.NewActivity request,
                                     @Context UriInfo uri) {
        return workflow.logActivity(id, request).map(activity -> Response.status(201).entity(activity).build());
    }

    @GET
    @Path("activities")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "A lead's history, oldest first",
            description = "Rep activities and what the service recorded: captures, attached captures, status changes,"
                    + " assignments and SLA breaches.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = "{\"items\": [" + Examples.ACTIVITY_VIEW
                    + "], \"nextCursor\": null}")))
    @APIResponse(responseCode = "404", description = "No such lead in your tenant and unit")
    public Uni<Page<LeadActivity>> activities(@PathParam("id") UUID id,
                                              @Parameter(description = "Page size, 1 to 200", example = "50")
                                              @QueryParam("limit") Integer limit,
                                              @Parameter(description = "nextCursor of the previous page")
                                              @QueryParam("cursor") String cursor) {
        return workflow.listActivities(id, PageRequest.of(limit, cursor));
    }
}
