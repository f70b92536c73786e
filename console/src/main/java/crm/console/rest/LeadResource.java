package crm.console.rest;

import crm.console.config.ConsoleConfig;
import crm.console.service.ApiAnswer;
import crm.console.service.ApiPath;
import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.FormValues;
import crm.console.service.GatewayApi;
import crm.console.service.PipelineBoard;
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
 * Leads: the inbox by status and the at-risk and breached views, one lead with its score, routing reason
 * and history and the workflow steps (contact, qualify, disqualify, nurture, convert), and the pipeline
 * board of opportunities with the weighted forecast.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LeadResource {

    static final Set<String> STATUSES = Set.of("new", "contacted", "qualified", "nurture", "converted", "disqualified");
    static final Set<String> VIEWS = Set.of("mine", "at-risk", "breached", "hq-queue");
    static final Set<String> STEPS = Set.of("contact", "qualify", "disqualify", "nurture", "convert");

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final ConsoleConfig config;
    private final Template inbox;
    private final Template lead;
    private final Template board;
    private final Template notFound;

    public LeadResource(GatewayApi api, Caller caller, Pages pages, ConsoleConfig config,
                        @Location("leads/inbox.html") Template inbox, @Location("leads/lead.html") Template lead,
                        @Location("leads/pipeline.html") Template board,
                        @Location("shell/not-found.html") Template notFound) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.config = config;
        this.inbox = inbox;
        this.lead = lead;
        this.board = board;
        this.notFound = notFound;
    }

    @GET
    @Path("leads")
    public Uni<TemplateInstance> inbox(@QueryParam("status") String status, @QueryParam("view") String view,
                                       @QueryParam("cursor") String cursor) {
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String chosenView = view != null && VIEWS.contains(view) ? view : null;
        if (chosenStatus == null && chosenView == null) {
            chosenStatus = "new";
        }
        ApiPath path = ApiPath.of("/api/v1/leads").param("status", chosenStatus).param("view", chosenView)
                .param("cursor", cursor).param("limit", config.pageSize());
        String shownStatus = chosenStatus;
        String shownView = chosenView;
        return api.get(caller.accessToken(), path).map(answer -> pages.page(inbox, "leads")
                .data("answer", answer).data("status", shownStatus).data("view", shownView)
                .data("next", answer.nextCursor() == null ? null : ApiPath.of("/console/leads")
                        .param("status", shownStatus).param("view", shownView)
                        .param("cursor", answer.nextCursor()).toString()));
    }

    @GET
    @Path("leads/{id}")
    public Uni<Response> lead(@PathParam("id") String id) {
        return leadPage(id, null, FormValues.empty(), 200);
    }

    /**
     * One workflow step with If-Match on the version the page showed. A step the lead's status does not
     * allow (409) or a stale page (412) is explained on the lead page, which then shows the current state.
     */
    @POST
    @Path("leads/{id}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> step(@PathParam("id") String id, @PathParam("step") String step,
                              MultivaluedMap<String, String> input) {
        if (step == null || !STEPS.contains(step)) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        FormValues form = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        switch (step) {
            case "disqualify" -> body.put("reason", form.orNull("reason"));
            case "nurture" -> {
                body.put("until", form.orNull("until"));
                body.put("reason", form.orNull("reason"));
            }
            case "convert" -> {
                boolean open = "on".equals(form.get("openOpportunity")) || "true".equals(form.get("openOpportunity"));
                body.put("openOpportunity", open);
                if (open) {
                    Map<String, Object> opportunity = new LinkedHashMap<>();
                    opportunity.put("name", form.orNull("opportunityName"));
                    opportunity.put("amount", form.orNull("amount"));
                    opportunity.put("currency", form.has("currency") ? form.get("currency") : "EUR");
                    opportunity.put("expectedCloseOn", form.orNull("expectedCloseOn"));
                    body.put("opportunity", opportunity);
                }
            }
            default -> body.put("note", form.orNull("note"));
        }
        String version = form.get("version").replaceAll("[^0-9]", "");
        Map<String, String> headers = version.isEmpty() ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
        return api.sendJson(caller.accessToken(), HttpMethod.POST, ApiPath.of("/api/v1/leads", id, step), body, headers)
                .chain(done -> done.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/console/leads/" + id + "?done=" + step))
                        : leadPage(id, done.problem(), form.with("failedStep", step), Pages.statusFor(done.problem())));
    }

    @GET
    @Path("pipeline")
    public Uni<TemplateInstance> pipeline() {
        String token = caller.accessToken();
        Uni<ApiAnswer> stages = api.get(token, ApiPath.of("/api/v1/opportunities/stages"));
        Uni<ApiAnswer> open = api.get(token, ApiPath.of("/api/v1/opportunities").param("status", "open").param("limit", 200));
        Uni<ApiAnswer> forecast = api.get(token, ApiPath.of("/api/v1/opportunities/forecast").param("by", "month"));
        return Uni.combine().all().unis(stages, open, forecast).asTuple().map(all -> pages.page(board, "pipeline")
                .data("board", PipelineBoard.of(stagesOf(all.getItem1()), all.getItem2().itemNodes()))
                .data("deals", all.getItem2())
                .data("forecast", all.getItem3()));
    }

    private Uni<Response> leadPage(String id, ApiProblem problem, FormValues form, int status) {
        String token = caller.accessToken();
        return Uni.combine().all().unis(api.get(token, ApiPath.of("/api/v1/leads", id)),
                        api.get(token, ApiPath.of("/api/v1/leads", id, "activities").param("limit", 50))).asTuple()
                .map(both -> {
                    ApiAnswer found = both.getItem1();
                    if (!found.ok()) {
                        ApiProblem shown = found.status() == 400 ? ApiProblem.of(404, null) : found.problem();
                        return Pages.withStatus(found.status() == 400 || found.status() == 403 ? 404
                                        : Pages.statusFor(shown),
                                pages.page(notFound, "leads").data("problem", shown).data("back", "/console/leads"));
                    }
                    return Pages.withStatus(status, pages.page(lead, "leads").data("id", id)
                            .data("lead", found.view()).data("version", found.version())
                            .data("activities", both.getItem2()).data("problem", problem).data("form", form));
                });
    }

    /** The tenant's stages: a plain array, a page's items or a document's "stages". */
    private static java.util.List<com.fasterxml.jackson.databind.JsonNode> stagesOf(ApiAnswer stages) {
        if (!stages.itemNodes().isEmpty() || stages.body() == null) {
            return stages.itemNodes();
        }
        java.util.List<com.fasterxml.jackson.databind.JsonNode> list = new java.util.ArrayList<>();
        stages.body().path("stages").forEach(list::add);
        return list;
    }
}
