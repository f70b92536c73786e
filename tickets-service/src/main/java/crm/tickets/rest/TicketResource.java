package crm.tickets.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
import crm.tickets.domain.Ticket;
import crm.tickets.service.ArticleService;
import crm.tickets.service.Assignment;
import crm.tickets.service.CommentService;
import crm.tickets.service.NewAttachment;
import crm.tickets.service.NewComment;
import crm.tickets.service.NewRating;
import crm.tickets.service.NewTicket;
import crm.tickets.service.SolvedBy;
import crm.tickets.service.StatusChange;
import crm.tickets.service.TicketListParams;
import crm.tickets.service.TicketService;
import crm.tickets.service.TicketWorkflow;
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

/**
 * Tickets and their workflow. One resource class for everything under /api/v1/tickets: the framework
 * matches a request to one class by its path first, so sub-paths split over several classes could hide
 * each other.
 */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Service requests: routed by rules, held to SLAs, escalated in time")
@SecurityRequirement(name = "oidc")
public class TicketResource {

    private static final String IF_MATCH = "If-Match";

    private final TicketService tickets;
    private final TicketWorkflow workflow;
    private final CommentService comments;
    private final ArticleService articles;
    private final ObjectMapper mapper;

    public TicketResource(TicketService tickets, TicketWorkflow workflow, CommentService comments,
                          ArticleService articles, ObjectMapper mapper) {
        this.tickets = tickets;
        this.workflow = workflow;
        this.comments = comments;
        this.articles = articles;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Open a ticket",
            description = "Routing rules pick the queue (the default queue when none matches) and the queue's strategy"
                    + " the agent; the SLA policy of the priority and the customer's tier sets the due times. The"
                    + " contact is checked against tickets-service's projection of contacts-service's events. A contact"
                    + " that is not (yet) known there is accepted and the ticket flagged contactVerified=false, not"
                    + " refused: the two services are only eventually consistent, and a customer entered a moment ago"
                    + " must not be turned away because the event is still on its way. The flag clears when the"
                    + " contact's event arrives; until then the ticket has the default tier. With an Idempotency-Key,"
                    + " a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "phone call", value = Examples.NEW_TICKET),
            @ExampleObject(name = "short", value = "{\"subject\": \"Bremse quietscht\", \"channel\": \"in_store\"}")}))
    @APIResponse(responseCode = "201", description = "Opened (or replayed); Location names the ticket",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no subject", value = Examples.PROBLEM_400)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> open(NewTicket request,
                              @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                      example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                              @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                              @Context UriInfo uri) {
        return tickets.openTicket(request, IdempotencyKey.ofHeader(idempotencyKey),
                        t -> StoredResponse.created(uri.getAbsolutePathBuilder().path(t.id().toString()).build(),
                                ExpectedVersion.etag(t.version()), TicketView.of(t)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List tickets: my tickets, a queue, at risk, breached, per contact or company",
            description = "Oldest change first, keyset paged; updatedSince gives the changes since a sync. view=mine"
                    + " lists the caller's tickets, view=queue those of queueId, view=at-risk those warned but not yet"
                    + " breached and view=breached those past a target (both open tickets only; manager or admin)."
                    + " status=open means every ticket that is neither resolved nor closed; another status value"
                    + " filters on exactly that status. Franchisee staff see their unit's tickets only.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.TICKET_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The view needs the manager or admin role")
    public Uni<Page<TicketView>> list(
            @Parameter(description = "mine, queue, at-risk or breached", example = "mine") @QueryParam("view") String view,
            @Parameter(description = "Queue (required for view=queue)", example = "0c3e4b5a-6d7f-4e8a-9b1c-2d3e4f5a6b7c")
            @QueryParam("queueId") String queueId,
            @Parameter(description = "The customer's contact", example = "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11")
            @QueryParam("contactId") String contactId,
            @Parameter(description = "The customer's company") @QueryParam("companyId") String companyId,
            @Parameter(description = "open (not resolved or closed), new, pending_customer, on_hold, resolved or closed",
                    example = "open") @QueryParam("status") String status,
            @Parameter(description = "Only tickets changed at or after this instant (RFC 3339)",
                    example = "2026-11-01T00:00:00Z") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return tickets.listTickets(new TicketListParams(view, queueId, contactId, companyId, status, updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(TicketView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a ticket")
    @APIResponse(responseCode = "200", description = "The ticket, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return tickets.findTicket(id).map(TicketResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Change a ticket's subject, description, category, priority, customer, tags, custom fields or watchers",
            description = "RFC 7396 merge patch; status, queue and assignee change through their own operations."
                    + " Send If-Match with the ETag you read. SLA targets stay those of the ticket's opening.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "more urgent", value = Examples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_412)))
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam(IF_MATCH) String ifMatch) throws JsonProcessingException {
        return tickets.patchTicket(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(TicketResource::ok);
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Change a ticket's status",
            description = "new, open, pending_customer and on_hold change freely among each other and to resolved or"
                    + " closed; resolved only to closed. The SLA clock stands while pending_customer and once resolved"
                    + " or closed. A resolved or closed ticket becomes open again only through reopen.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waiting for the customer", value = Examples.STATUS)))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "400", description = "The status is not one of the listed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The workflow does not allow this change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "closed", value = Examples.PROBLEM_409)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, StatusChange request,
                                      @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                      @HeaderParam(IF_MATCH) String ifMatch) {
        return workflow.changeStatus(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Assign a ticket to a queue and/or an agent",
            description = "With a queue but no agent, the queue's strategy picks the agent (or none, when nobody has"
                    + " room). With an agent only, the ticket stays in its queue.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to a colleague", value = Examples.ASSIGN)))
    @APIResponse(responseCode = "200", description = "Assigned; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "400", description = "Neither queue nor agent, or no such queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The ticket is resolved or closed")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> assign(@PathParam("id") UUID id, Assignment request,
                                @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return workflow.assign(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Reopen a resolved or closed ticket",
            description = "Allowed within the configured window after the ticket was finished (7 days unless"
                    + " configured otherwise); later, the customer gets a new ticket. The resolution clock continues.")
    @APIResponse(responseCode = "200", description = "Open again; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    @APIResponse(responseCode = "409", description = "Not resolved or closed, or the window has passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> reopen(@PathParam("id") UUID id,
                                @Parameter(description = "ETag of the version the change is based on", example = "\"5\"")
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return workflow.reopen(id, ExpectedVersion.ofIfMatch(ifMatch)).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record the customer's satisfaction (1-5) with a resolved or closed ticket",
            description = "Once per ticket. The comment stays here; the published event carries only the rating.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "happy", value = Examples.RATING)))
    @APIResponse(responseCode = "200", description = "Rated; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "ticket", value = Examples.TICKET)))
    @APIResponse(responseCode = "400", description = "The rating is not 1 to 5 or the comment too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    @APIResponse(responseCode = "409", description = "Not resolved or closed yet, or rated already")
    public Uni<Response> rate(@PathParam("id") UUID id, NewRating request) {
        return workflow.rate(id, request).map(TicketResource::ok);
    }

    @GET
    @Path("{id}/comments")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List a ticket's replies and internal notes, oldest first")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.COMMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Page<CommentView>> listComments(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return comments.listComments(id, PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(CommentView::of).toList(), p.nextCursor()));
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Reply to the customer or add an internal note",
            description = "The first public reply is the first response: it meets the first-response target and"
                    + " moves a new ticket to open. Public replies are published (without their text); notes are not.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reply", value = Examples.NEW_COMMENT)))
    @APIResponse(responseCode = "201", description = "Added (or replayed)",
            content = @Content(examples = @ExampleObject(name = "comment", value = Examples.COMMENT)))
    @APIResponse(responseCode = "400", description = "The body is empty or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Response> addComment(@PathParam("id") UUID id, NewComment request,
                                    @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe",
                                            example = "0b7c6d5e-4f3a-4b2c-9d1e-8f7a6b5c4d3e")
                                    @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                    @Context UriInfo uri) {
        return comments.addComment(id, request, IdempotencyKey.ofHeader(idempotencyKey),
                        c -> StoredResponse.created(uri.getAbsolutePath(), null, CommentView.of(c)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}/attachments")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List the metadata of a ticket's attachments")
    @APIResponse(responseCode = "200", description = "All attachments, oldest first",
            content = @Content(examples = @ExampleObject(name = "attachments", value = "{\"items\": [" + Examples.ATTACHMENT + "]}")))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Items<AttachmentView>> listAttachments(@PathParam("id") UUID id) {
        return comments.listAttachments(id).map(list -> new Items<>(list.stream().map(AttachmentView::of).toList()));
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Record an attachment's name, media type and size",
            description = "The file itself stays in the channel's document store; sizes above the configured limit"
                    + " (25 MiB unless configured otherwise) are refused.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "photo", value = Examples.NEW_ATTACHMENT)))
    @APIResponse(responseCode = "201", description = "Recorded (or replayed)",
            content = @Content(examples = @ExampleObject(name = "attachment", value = Examples.ATTACHMENT)))
    @APIResponse(responseCode = "400", description = "A field is invalid or the file too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Response> addAttachment(@PathParam("id") UUID id, NewAttachment request,
                                       @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe",
                                               example = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                                       @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                       @Context UriInfo uri) {
        return comments.addAttachment(id, request, IdempotencyKey.ofHeader(idempotencyKey),
                        a -> StoredResponse.created(uri.getAbsolutePath(), null, AttachmentView.of(a)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}/suggested-articles")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Knowledge-base articles that may solve the ticket",
            description = "Full-text match of the ticket's subject, description, category and tags against the"
                    + " articles (German stemming and exact words), best first.")
    @APIResponse(responseCode = "200", description = "The best matches with their score",
            content = @Content(examples = @ExampleObject(name = "suggestions", value = Examples.ARTICLE_LIST)))
    @APIResponse(responseCode = "400", description = "limit is not 1 to 20",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Items<ArticleView>> suggestedArticles(@PathParam("id") UUID id,
            @Parameter(description = "How many, 1 to 20", example = "5") @QueryParam("limit") Integer limit) {
        return articles.suggestFor(id, limit).map(list -> new Items<>(list.stream().map(ArticleView::of).toList()));
    }

    @POST
    @Path("{id}/solved-by")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Record which articles solved the ticket",
            description = "Each article counts once per ticket towards its usefulness (GET /api/v1/articles?sort=useful).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one article", value = Examples.SOLVED_BY)))
    @APIResponse(responseCode = "200", description = "Every article now linked to the ticket",
            content = @Content(examples = @ExampleObject(name = "linked", value = Examples.ARTICLE_LIST)))
    @APIResponse(responseCode = "400", description = "An article id is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket in your tenant and unit")
    public Uni<Items<ArticleView>> solvedBy(@PathParam("id") UUID id, SolvedBy request) {
        return articles.markSolvedBy(id, request).map(list -> new Items<>(list.stream().map(ArticleView::of).toList()));
    }

    static Response ok(Ticket t) {
        return Response.ok(TicketView.of(t)).tag(ExpectedVersion.etag(t.version())).build();
    }
}
