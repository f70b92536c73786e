package crm.console.rest;

import crm.console.config.ConsoleConfig;
import crm.console.service.ApiAnswer;
import crm.console.service.ApiDownload;
import crm.console.service.ApiPath;
import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.FormValues;
import crm.console.service.GatewayApi;
import crm.console.service.IdempotencyKeys;
import crm.console.service.UserView;
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
import java.util.List;
import java.util.Map;

/**
 * Customers: the search, the customer page that shows everything about one person at once, and the work
 * done there (log a call or note, add a follow-up, edit, merge duplicates, and for admins export and erase).
 */
@Path("/console/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final ConsoleConfig config;
    private final Template list;
    private final Template results;
    private final Template detail;
    private final Template activity;
    private final Template section;
    private final Template create;
    private final Template edit;
    private final Template merge;
    private final Template privacy;
    private final Template notFound;

    public CustomerResource(GatewayApi api, Caller caller, Pages pages, ConsoleConfig config,
                            @Location("customers/list.html") Template list,
                            @Location("customers/results.html") Template results,
                            @Location("customers/detail.html") Template detail,
                            @Location("customers/activity.html") Template activity,
                            @Location("customers/section.html") Template section,
                            @Location("customers/create.html") Template create,
                            @Location("customers/edit.html") Template edit,
                            @Location("customers/merge.html") Template merge,
                            @Location("customers/privacy.html") Template privacy,
                            @Location("shell/not-found.html") Template notFound) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.config = config;
        this.list = list;
        this.results = results;
        this.detail = detail;
        this.activity = activity;
        this.section = section;
        this.create = create;
        this.edit = edit;
        this.merge = merge;
        this.privacy = privacy;
        this.notFound = notFound;
    }

    /** The search; htmx asks for the results only while the user types or filters. */
    @GET
    public Uni<TemplateInstance> search(@QueryParam("q") String q, @QueryParam("stage") String stage,
                                        @QueryParam("tag") String tag, @QueryParam("unitId") String unitId,
                                        @QueryParam("createdFrom") String createdFrom,
                                        @QueryParam("createdTo") String createdTo,
                                        @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        ApiPath path = ApiPath.of("/api/v1/contacts").param("q", q).param("stage", stage).param("tag", tag)
                .param("unitId", unitId).param("createdFrom", startOfDay(createdFrom))
                .param("createdTo", startOfDay(createdTo)).param("sort", sort).param("cursor", cursor)
                .param("limit", config.pageSize());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("stage", stage);
        filters.put("tag", tag);
        filters.put("unitId", unitId);
        filters.put("createdFrom", createdFrom);
        filters.put("createdTo", createdTo);
        filters.put("sort", sort);
        return api.get(caller.accessToken(), path).map(answer -> (pages.htmx()
                        ? pages.fragment(results) : pages.page(list, "customers"))
                .data("answer", answer)
                .data("filters", filters)
                .data("nextQuery", nextQuery(filters, answer.nextCursor())));
    }

    @GET
    @Path("new")
    public TemplateInstance newCustomer() {
        return pages.page(create, "customers").data("form", FormValues.empty().with("key", IdempotencyKeys.fresh()))
                .data("problem", null).data("duplicates", List.of());
    }

    /** Creates a customer; a likely duplicate (409) is shown with the candidates and a way to create anyway. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createCustomer(MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        UserView user = caller.view();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", form.orNull("firstName"));
        body.put("lastName", form.orNull("lastName"));
        body.put("email", form.orNull("email"));
        body.put("phone", form.orNull("phone"));
        body.put("lifecycleStage", form.orNull("lifecycleStage"));
        body.put("tags", form.list("tags"));
        body.put("source", form.orNull("source"));
        if (form.has("city") || form.has("street") || form.has("postalCode")) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("street", form.orNull("street"));
            address.put("postalCode", form.orNull("postalCode"));
            address.put("city", form.orNull("city"));
            address.put("country", "DE");
            body.put("addresses", List.of(address));
        }
        if (user.hq()) {
            body.put("unitId", form.orNull("unitId"));
        }
        ApiPath path = ApiPath.of("/api/v1/contacts").param("force", "true".equals(form.get("force")) ? "true" : null);
        return api.sendJson(caller.accessToken(), HttpMethod.POST, path, body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .map(answer -> {
                    if (answer.ok() && answer.body() != null && answer.body().hasNonNull("id")) {
                        return Pages.seeOther("/console/customers/" + answer.body().get("id").asText());
                    }
                    List<Object> duplicates = answer.status() == 409 && answer.body() != null
                            ? crm.console.service.JsonView.listOf(answer.body().path("candidates")) : List.of();
                    return Pages.withStatus(Pages.statusFor(answer.problem()), pages.page(create, "customers")
                            .data("form", form).data("problem", answer.problem()).data("duplicates", duplicates));
                });
    }

    /** The customer page: details, timeline, open leads, opportunities and tickets and value, from the overview. */
    @GET
    @Path("{id}")
    public Uni<Response> customer(@PathParam("id") String id) {
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/customers", id, "overview"))
                .map(answer -> {
                    ApiAnswer overview = new ApiAnswer(answer.status(), answer.body(), null, null);
                    if (!answer.ok() || answer.body() == null || !answer.body().has("contact")) {
                        return notFound(answer.ok() ? ApiProblem.of(404, null) : answer.problem());
                    }
                    return Response.ok(pages.page(detail, "customers")
                            .data("id", id)
                            .data("overview", overview.view())
                            .data("timeline", part(answer, "timeline"))
                            .data("openLeads", part(answer, "openLeads"))
                            .data("openOpportunities", part(answer, "openOpportunities"))
                            .data("openTickets", part(answer, "openTickets"))
                            .data("contact", crm.console.service.JsonView.of(answer.body().get("contact")))
                            .data("activityForm", FormValues.empty().with("key", IdempotencyKeys.fresh()))
                            .data("followUpForm", FormValues.empty().with("key", IdempotencyKeys.fresh()))
                            .data("problem", null)
                            .data("missing", missingParts(answer))).build();
                });
    }

    /** The full timeline, page by page (the customer page shows the latest entries). */
    @GET
    @Path("{id}/timeline")
    public Uni<TemplateInstance> timeline(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                          @QueryParam("kind") String kind) {
        ApiPath path = ApiPath.of("/api/v1/contacts", id, "timeline").param("limit", config.pageSize())
                .param("cursor", cursor).param("kind", kind);
        return api.get(caller.accessToken(), path).map(answer -> pages.fragment(section)
                .data("part", "timeline").data("id", id).data("answer", answer));
    }

    /** Purchases, consents and follow-ups load after the page, each on its own, so one slow part does not hold the page. */
    @GET
    @Path("{id}/part/{part}")
    public Uni<TemplateInstance> part(@PathParam("id") String id, @PathParam("part") String part) {
        ApiPath path = switch (part) {
            case "purchases" -> ApiPath.of("/api/v1/purchases").param("contactId", id).param("limit", 20);
            case "consents" -> ApiPath.of("/api/v1/contacts", id, "consents");
            case "follow-ups" -> followUpsPath();
            case "value" -> ApiPath.of("/api/v1/analytics/customers", id, "value");
            default -> null;
        };
        if (path == null) {
            return Uni.createFrom().item(pages.fragment(section).data("part", "unknown").data("id", id)
                    .data("answer", new ApiAnswer(404, null, null, null)));
        }
        return api.get(caller.accessToken(), path).map(answer -> pages.fragment(section)
                .data("part", part).data("id", id).data("answer", "follow-ups".equals(part) ? ofCustomer(answer, id) : answer)
                .data("problem", null)
                .data("followUpForm", FormValues.empty().with("key", IdempotencyKeys.fresh())));
    }

    /** Logs a call, e-mail, meeting or note; answers the activity block with the form empty and the timeline fresh. */
    @POST
    @Path("{id}/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logInteraction(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", id);
        body.put("kind", form.orNull("kind"));
        body.put("direction", form.orNull("direction"));
        body.put("summary", form.orNull("summary"));
        body.put("outcome", form.orNull("outcome"));
        String token = caller.accessToken();
        return api.sendJson(token, HttpMethod.POST, ApiPath.of("/api/v1/interactions"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .chain(logged -> activityBlock(id, token, logged.ok() ? null : logged.problem(),
                        logged.ok() ? FormValues.empty().with("key", IdempotencyKeys.fresh()) : form)
                        .map(block -> htmxOr(block, logged, "/console/customers/" + id + "#activity")));
    }

    /** Adds a follow-up (Wiedervorlage) for the customer. */
    @POST
    @Path("{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addFollowUp(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", id);
        body.put("title", form.orNull("title"));
        body.put("notes", form.orNull("notes"));
        body.put("dueAt", LocalTimes.toInstant(form.orNull("dueAt"), config.timeZone()));
        body.put("priority", form.orNull("priority"));
        String token = caller.accessToken();
        return api.sendJson(token, HttpMethod.POST, ApiPath.of("/api/v1/tasks"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .chain(created -> api.get(token, followUpsPath())
                        .map(tasks -> {
                            TemplateInstance block = pages.fragment(section).data("part", "follow-ups").data("id", id)
                                    .data("answer", ofCustomer(tasks, id)).data("problem", created.ok() ? null : created.problem())
                                    .data("followUpForm", created.ok()
                                            ? FormValues.empty().with("key", IdempotencyKeys.fresh()) : form);
                            return htmxOr(block, created, "/console/customers/" + id);
                        }));
    }

    /**
     * The open follow-ups the user plans with (a manager's whole unit); the tasks API has no filter by
     * contact, so the customer's are picked out here.
     */
    private ApiPath followUpsPath() {
        return ApiPath.of("/api/v1/tasks").param("view", caller.view().manager() ? "unit" : "mine")
                .param("status", "open").param("limit", 200);
    }

    private static ApiAnswer ofCustomer(ApiAnswer tasks, String contactId) {
        return tasks.keepItems(task -> contactId.equals(task.path("contactId").asText()));
    }

    @GET
    @Path("{id}/edit")
    public Uni<Response> editForm(@PathParam("id") String id) {
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/contacts", id)).map(answer -> answer.ok()
                ? Response.ok(pages.page(edit, "customers").data("id", id).data("form", formOf(answer))
                        .data("problem", null)).build()
                : notFound(answer.problem()));
    }

    /**
     * Saves the edit with If-Match on the version the form was opened with. If someone changed the customer
     * meanwhile (412), nothing is saved: the form shows their current values and says so.
     */
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveEdit(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("firstName", form.orNull("firstName"));
        patch.put("lastName", form.orNull("lastName"));
        patch.put("lifecycleStage", form.orNull("lifecycleStage"));
        patch.put("tags", form.list("tags"));
        patch.put("source", form.orNull("source"));
        if (!form.get("email").equals(form.get("originalEmail"))) {
            patch.put("email", form.orNull("email"));
        }
        if (!form.get("phone").equals(form.get("originalPhone"))) {
            patch.put("phone", form.orNull("phone"));
        }
        String token = caller.accessToken();
        String ifMatch = "\"" + form.get("version").replaceAll("[^0-9]", "") + "\"";
        return api.sendJson(token, HttpMethod.PATCH, ApiPath.of("/api/v1/contacts", id), patch, Map.of("If-Match", ifMatch))
                .onItem().transformToUni(saved -> {
                    if (saved.ok()) {
                        return Uni.createFrom().item(Pages.seeOther("/console/customers/" + id + "?saved=1"));
                    }
                    if (saved.status() == 412) {
                        return api.get(token, ApiPath.of("/api/v1/contacts", id)).map(current -> Pages.withStatus(409,
                                pages.page(edit, "customers").data("id", id).data("form", formOf(current))
                                        .data("problem", saved.problem()).data("theirs", true)));
                    }
                    return Uni.createFrom().item(Pages.withStatus(Pages.statusFor(saved.problem()),
                            pages.page(edit, "customers").data("id", id).data("form", form)
                                    .data("problem", saved.problem())));
                });
    }

    /** Merge duplicates: find the others, choose them, confirm. */
    @GET
    @Path("{id}/merge")
    public Uni<Response> mergeForm(@PathParam("id") String id, @QueryParam("q") String q) {
        String token = caller.accessToken();
        Uni<ApiAnswer> survivor = api.get(token, ApiPath.of("/api/v1/contacts", id));
        Uni<ApiAnswer> candidates = q == null || q.isBlank()
                ? Uni.createFrom().item(new ApiAnswer(200, null, null, null))
                : api.get(token, ApiPath.of("/api/v1/contacts").param("q", q).param("limit", 20));
        return Uni.combine().all().unis(survivor, candidates).asTuple().map(both -> both.getItem1().ok()
                ? Response.ok(pages.page(merge, "customers").data("id", id).data("contact", both.getItem1().view())
                        .data("q", q == null ? "" : q).data("candidates", both.getItem2()).data("problem", null)).build()
                : notFound(both.getItem1().problem()));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> mergeDuplicates(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        List<String> others = input.get("mergeIds") == null ? List.of()
                : input.get("mergeIds").stream().filter(m -> !m.equals(id)).limit(50).toList();
        String token = caller.accessToken();
        if (others.isEmpty()) {
            return api.get(token, ApiPath.of("/api/v1/contacts", id)).map(contact -> Pages.withStatus(400,
                    pages.page(merge, "customers").data("id", id).data("contact", contact.view()).data("q", "")
                            .data("candidates", new ApiAnswer(200, null, null, null))
                            .data("problem", ApiProblem.invalid("mergeIds", null))));
        }
        return api.sendJson(token, HttpMethod.POST, ApiPath.of("/api/v1/contacts", id, "merge"),
                        Map.of("mergeIds", others), Map.of())
                .onItem().transformToUni(merged -> merged.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/console/customers/" + id + "?merged=" + others.size()))
                        : api.get(token, ApiPath.of("/api/v1/contacts", id)).map(contact -> Pages.withStatus(
                                Pages.statusFor(merged.problem()), pages.page(merge, "customers").data("id", id)
                                        .data("contact", contact.view()).data("q", "")
                                        .data("candidates", new ApiAnswer(200, null, null, null))
                                        .data("problem", merged.problem()))));
    }

    /** Export (GDPR Art. 15/20) and erasure (Art. 17): admins only, each behind a confirmation page. */
    @GET
    @Path("{id}/privacy")
    public Uni<Response> privacyPage(@PathParam("id") String id) {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(notFound(ApiProblem.of(403, null)));
        }
        String token = caller.accessToken();
        return Uni.combine().all().unis(api.get(token, ApiPath.of("/api/v1/contacts", id)),
                        api.get(token, ApiPath.of("/api/v1/privacy/subjects", id, "erasure"))).asTuple()
                .map(both -> both.getItem1().ok() || both.getItem2().ok()
                        ? Response.ok(pages.page(privacy, "customers").data("id", id)
                                .data("contact", both.getItem1().view()).data("erasure", both.getItem2())
                                .data("problem", null)).build()
                        : notFound(both.getItem1().problem()));
    }

    @POST
    @Path("{id}/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Uni<Response> export(@PathParam("id") String id) {
        return api.download(caller.accessToken(), ApiPath.of("/api/v1/privacy/subjects", id, "export"))
                .map(file -> file.ok()
                        ? Response.ok(file.content(), MediaType.APPLICATION_JSON)
                                .header("Content-Disposition", "attachment; filename=\"customer-" + safeName(id) + ".json\"")
                                .header("Cache-Control", "no-store").build()
                        : notFound(ApiProblem.of(file.status(), null)));
    }

    /** Starts the erasure once the admin typed ERASE (or LÖSCHEN) to confirm; shows which services applied it. */
    @POST
    @Path("{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> erase(@PathParam("id") String id, MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        String token = caller.accessToken();
        String confirmation = form.get("confirm").toUpperCase(java.util.Locale.ROOT);
        if (!confirmation.equals("ERASE") && !confirmation.equals("LÖSCHEN")) {
            return api.get(token, ApiPath.of("/api/v1/contacts", id)).map(contact -> Pages.withStatus(400,
                    pages.page(privacy, "customers").data("id", id).data("contact", contact.view())
                            .data("erasure", new ApiAnswer(404, null, null, null))
                            .data("problem", ApiProblem.invalid("confirm", null))));
        }
        return api.sendJson(token, HttpMethod.POST, ApiPath.of("/api/v1/privacy/subjects", id, "erasure"), Map.of(),
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .map(started -> started.ok()
                        ? Pages.seeOther("/console/customers/" + id + "/privacy")
                        : Pages.withStatus(Pages.statusFor(started.problem()), pages.page(privacy, "customers")
                                .data("id", id).data("contact", null).data("erasure", started)
                                .data("problem", started.problem())));
    }

    private Uni<TemplateInstance> activityBlock(String id, String token, ApiProblem problem, FormValues form) {
        return api.get(token, ApiPath.of("/api/v1/contacts", id, "timeline").param("limit", 10))
                .map(timeline -> pages.fragment(activity).data("id", id).data("timeline", timeline)
                        .data("activityForm", form).data("problem", problem));
    }

    /** htmx gets the block (with the API's status on failure); a plain form post is redirected back. */
    private Response htmxOr(TemplateInstance block, ApiAnswer result, String back) {
        if (pages.htmx()) {
            return result.ok() ? Response.ok(block).build()
                    : Pages.withStatus(Pages.statusFor(result.problem()), block);
        }
        return result.ok() ? Pages.seeOther(back) : Pages.withStatus(Pages.statusFor(result.problem()), block);
    }

    private Response notFound(ApiProblem problem) {
        ApiProblem shown = problem == null ? ApiProblem.of(404, null) : problem;
        int status = shown.status() == 403 || shown.status() == 404 || shown.status() == 400 ? 404 : Pages.statusFor(shown);
        return Pages.withStatus(status, pages.page(notFound, "customers").data("problem",
                shown.status() == 400 ? ApiProblem.of(404, null) : shown).data("back", "/console/customers"));
    }

    private static FormValues formOf(ApiAnswer contact) {
        var c = contact.body();
        FormValues form = FormValues.empty();
        for (String field : List.of("firstName", "lastName", "email", "phone", "lifecycleStage", "source")) {
            form = form.with(field, c.hasNonNull(field) ? c.get(field).asText() : "");
        }
        List<String> tags = new java.util.ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        return form.with("tags", String.join(", ", tags)).with("version", contact.version())
                .with("originalEmail", form.get("email")).with("originalPhone", form.get("phone"));
    }

    /** One part of the overview as an answer of its own; a part the overview lacks has no items. */
    private static ApiAnswer part(ApiAnswer overview, String name) {
        return new ApiAnswer(overview.body().has(name) ? 200 : 503, overview.body().get(name), null, null);
    }

    private static List<String> missingParts(ApiAnswer overview) {
        List<String> missing = new java.util.ArrayList<>();
        overview.body().path("missing").forEach(m -> missing.add(m.path("part").asText()));
        return missing;
    }

    private static String nextQuery(Map<String, String> filters, String cursor) {
        if (cursor == null) {
            return null;
        }
        ApiPath next = ApiPath.of("/console/customers");
        filters.forEach(next::param);
        return next.param("cursor", cursor).toString();
    }

    /** A date field (yyyy-MM-dd) as the instant its day begins, which the API's created filters take. */
    private String startOfDay(String date) {
        return LocalTimes.dayStart(date, config.timeZone());
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "");
    }
}
