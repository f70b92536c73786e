package crm.console.rest;

import crm.console.config.ConsoleConfig;
import crm.console.service.ApiAnswer;
import crm.console.service.ApiPath;
import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.FormValues;
import crm.console.service.GatewayApi;
import crm.console.service.IdempotencyKeys;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tickets: the queue views, and one ticket with its conversation, a public reply or an internal note,
 * status changes, the SLA clock and the knowledge articles that may solve it.
 */
@Path("/console/tickets")
@Produces(MediaType.TEXT_HTML)
public class TicketResource {

    static final Set<String> VIEWS = Set.of("mine", "queue", "at-risk", "breached");
    static final Set<String> STATUSES = Set.of("new", "open", "pending_customer", "on_hold", "resolved", "closed");

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final ConsoleConfig config;
    private final Template queue;
    private final Template ticket;
    private final Template conversation;
    private final Template notFound;

    public TicketResource(GatewayApi api, Caller caller, Pages pages, ConsoleConfig config,
                          @Location("tickets/queue.html") Template queue, @Location("tickets/ticket.html") Template ticket,
                          @Location("tickets/conversation.html") Template conversation,
                          @Location("shell/not-found.html") Template notFound) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.config = config;
        this.queue = queue;
        this.ticket = ticket;
        this.conversation = conversation;
        this.notFound = notFound;
    }

    @GET
    public Uni<TemplateInstance> queue(@QueryParam("view") String view, @QueryParam("queueId") String queueId,
                                       @QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String chosenView = view != null && VIEWS.contains(view) ? view
                : (queueId == null || queueId.isBlank() ? "mine" : "queue");
        String chosenStatus = "all".equals(status) ? null : status != null && STATUSES.contains(status) ? status : "open";
        String token = caller.accessToken();
        Uni<ApiAnswer> tickets = api.get(token, ApiPath.of("/api/v1/tickets").param("view", chosenView)
                .param("queueId", queueId).param("status", chosenStatus).param("cursor", cursor)
                .param("limit", config.pageSize()));
        Uni<ApiAnswer> queues = api.get(token, ApiPath.of("/api/v1/queues").param("limit", 100));
        return Uni.combine().all().unis(tickets, queues).asTuple().map(both -> pages.page(queue, "tickets")
                .data("answer", both.getItem1()).data("queues", both.getItem2())
                .data("view", chosenView).data("queueId", queueId == null ? "" : queueId)
                .data("status", chosenStatus == null ? "all" : chosenStatus)
                .data("next", both.getItem1().nextCursor() == null ? null : ApiPath.of("/console/tickets")
                        .param("view", chosenView).param("queueId", queueId).param("status", status)
                        .param("cursor", both.getItem1().nextCursor()).toString()));
    }

    @GET
    @Path("{id}")
    public Uni<Response> ticket(@PathParam("id") String id) {
        return ticketPage(id, null, 200);
    }

    /** A public reply to the customer or an internal note; answers the conversation block fresh. */
    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> comment(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", form.orNull("body"));
        body.put("visibility", "internal".equals(form.get("visibility")) ? "internal" : "public");
        String token = caller.accessToken();
        return api.sendJson(token, HttpMethod.POST, ApiPath.of("/api/v1/tickets", id, "comments"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .chain(sent -> api.get(token, ApiPath.of("/api/v1/tickets", id, "comments").param("limit", 200))
                        .map(comments -> {
                            TemplateInstance block = pages.fragment(conversation).data("id", id)
                                    .data("comments", comments).data("problem", sent.ok() ? null : sent.problem())
                                    .data("form", sent.ok() ? FormValues.empty() : form)
                                    .data("key", IdempotencyKeys.fresh());
                            int status = sent.ok() ? 200 : Pages.statusFor(sent.problem());
                            if (!pages.htmx() && sent.ok()) {
                                return Pages.seeOther("/console/tickets/" + id);
                            }
                            return Pages.withStatus(status, block);
                        }));
    }

    /** A status change with If-Match on the version the page showed. */
    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeStatus(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        String version = form.get("version").replaceAll("[^0-9]", "");
        Map<String, String> headers = version.isEmpty() ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
        String status = form.get("status");
        boolean reopen = "reopen".equals(status);
        ApiPath path = ApiPath.of("/api/v1/tickets", id, reopen ? "reopen" : "status");
        Map<String, Object> body = reopen ? Map.of() : Map.of("status", status);
        return api.sendJson(caller.accessToken(), HttpMethod.POST, path, body, headers)
                .chain(done -> done.ok() ? Uni.createFrom().item(Pages.seeOther("/console/tickets/" + id))
                        : ticketPage(id, done.problem(), Pages.statusFor(done.problem())));
    }

    /** Records that a knowledge article solved the ticket (it then ranks higher for the next one). */
    @POST
    @Path("{id}/solved-by")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> solvedBy(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        return api.sendJson(caller.accessToken(), HttpMethod.POST, ApiPath.of("/api/v1/tickets", id, "solved-by"),
                        Map.of("articleId", form.get("articleId")), Map.of())
                .chain(done -> done.ok() ? Uni.createFrom().item(Pages.seeOther("/console/tickets/" + id))
                        : ticketPage(id, done.problem(), Pages.statusFor(done.problem())));
    }

    private Uni<Response> ticketPage(String id, ApiProblem problem, int status) {
        String token = caller.accessToken();
        return Uni.combine().all().unis(
                        api.get(token, ApiPath.of("/api/v1/tickets", id)),
                        api.get(token, ApiPath.of("/api/v1/tickets", id, "comments").param("limit", 200)),
                        api.get(token, ApiPath.of("/api/v1/tickets", id, "suggested-articles").param("limit", 5)))
                .asTuple().map(all -> {
                    ApiAnswer found = all.getItem1();
                    if (!found.ok()) {
                        ApiProblem shown = found.status() == 400 ? ApiProblem.of(404, null) : found.problem();
                        return Pages.withStatus(found.status() == 400 || found.status() == 403 ? 404
                                        : Pages.statusFor(shown),
                                pages.page(notFound, "tickets").data("problem", shown).data("back", "/console/tickets"));
                    }
                    return Pages.withStatus(status, pages.page(ticket, "tickets").data("id", id)
                            .data("ticket", found.view()).data("version", found.version())
                            .data("comments", all.getItem2()).data("articles", all.getItem3())
                            .data("problem", problem).data("form", FormValues.empty())
                            .data("key", IdempotencyKeys.fresh()));
                });
    }
}
