package crm.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration for admins: the per-tenant rules (territories, lead SLA, scoring and routing, ticket
 * routing rules, SLA policies and calendars, pipeline stages) as documents to read and change, web-form
 * definitions with the snippet to embed, and custom fields of contacts. The API refuses anyone else too.
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    /** The rule documents: the console's name, and where the API keeps each. */
    static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put("territories", "/api/v1/leads/config/territories");
        DOCUMENTS.put("lead-sla", "/api/v1/leads/config/sla");
        DOCUMENTS.put("lead-scoring", "/api/v1/leads/config/scoring");
        DOCUMENTS.put("lead-routing", "/api/v1/leads/config/routing");
        DOCUMENTS.put("pipeline-stages", "/api/v1/opportunities/stages");
        DOCUMENTS.put("ticket-routing", "/api/v1/queues/routing-rules");
        DOCUMENTS.put("sla-policies", "/api/v1/sla-policies");
        DOCUMENTS.put("business-calendars", "/api/v1/sla-policies/calendars");
    }

    static final List<String> FIELD_TYPES = List.of("text", "number", "date", "choice");

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final ObjectMapper mapper;
    private final Template overview;
    private final Template document;
    private final Template forms;
    private final Template form;
    private final Template fields;
    private final Template notFound;

    public AdminResource(GatewayApi api, Caller caller, Pages pages, ObjectMapper mapper,
                         @Location("admin/overview.html") Template overview,
                         @Location("admin/document.html") Template document,
                         @Location("admin/forms.html") Template forms, @Location("admin/form.html") Template form,
                         @Location("admin/fields.html") Template fields,
                         @Location("shell/not-found.html") Template notFound) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.mapper = mapper;
        this.overview = overview;
        this.document = document;
        this.forms = forms;
        this.form = form;
        this.fields = fields;
        this.notFound = notFound;
    }

    @GET
    public Response overview() {
        if (!caller.view().admin()) {
            return forbidden();
        }
        return Response.ok(pages.page(overview, "admin").data("documents", List.copyOf(DOCUMENTS.keySet()))).build();
    }

    @GET
    @Path("rules/{name}")
    public Uni<Response> readDocument(@PathParam("name") String name) {
        String path = DOCUMENTS.get(name);
        if (path == null || !caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        return api.get(caller.accessToken(), ApiPath.of(path)).map(answer -> Response.ok(
                pages.page(document, "admin").data("name", name).data("text", pretty(answer.body()))
                        .data("version", answer.etag() == null ? "" : answer.etag())
                        .data("problem", answer.ok() ? null : answer.problem()).data("saved", false)).build());
    }

    /** Replaces a rule document as a whole (PUT), with If-Match when the API gave an ETag. */
    @POST
    @Path("rules/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveDocument(@PathParam("name") String name, MultivaluedMap<String, String> input) {
        String path = DOCUMENTS.get(name);
        if (path == null || !caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        FormValues values = FormValues.of(input);
        String text = values.get("document");
        try {
            mapper.readTree(text);
        } catch (IOException e) {
            return Uni.createFrom().item(Pages.withStatus(400, pages.page(document, "admin").data("name", name)
                    .data("text", text).data("version", values.get("version"))
                    .data("problem", ApiProblem.invalid("document", e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : "not JSON")).data("saved", false)));
        }
        Map<String, String> headers = values.has("version") ? Map.of("If-Match", values.get("version")) : Map.of();
        return api.send(caller.accessToken(), HttpMethod.PUT, ApiPath.of(path), GatewayApi.JSON, text, headers)
                .map(saved -> Pages.withStatus(saved.ok() ? 200 : Pages.statusFor(saved.problem()),
                        pages.page(document, "admin").data("name", name)
                                .data("text", saved.ok() ? pretty(saved.body()) : text)
                                .data("version", saved.ok() && saved.etag() != null ? saved.etag() : values.get("version"))
                                .data("problem", saved.ok() ? null : saved.problem()).data("saved", saved.ok())));
    }

    @GET
    @Path("forms")
    public Uni<Response> forms() {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        return formsPage(FormValues.empty().with("key", IdempotencyKeys.fresh()), null, 200);
    }

    /** A new web form: its name, the unit it feeds (HQ when empty) and the fields it asks for. */
    @POST
    @Path("forms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createForm(MultivaluedMap<String, String> input) {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        FormValues values = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", values.orNull("name"));
        body.put("title", values.has("title") ? values.get("title") : values.orNull("name"));
        body.put("unitId", values.orNull("unitId"));
        body.put("campaignId", values.orNull("campaignId"));
        // Each field the visitor fills in, labelled with its own name; the email field is required.
        body.put("fields", values.list("fields").stream().map(field -> Map.of("name", field,
                "label", field, "required", "email".equals(field))).toList());
        body.put("consentText", values.orNull("consentWording"));
        body.values().removeIf(java.util.Objects::isNull);
        return api.sendJson(caller.accessToken(), HttpMethod.POST, ApiPath.of("/api/v1/forms"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(values.get("key"))))
                .chain(created -> {
                    if (created.ok() && created.body() != null && created.body().hasNonNull("formKey")) {
                        return Uni.createFrom().item(Pages.seeOther("/console/admin/forms/"
                                + ApiPath.of("", created.body().get("formKey").asText()).toString().substring(1)));
                    }
                    return formsPage(values, created.ok() ? null : created.problem(),
                            created.ok() ? 200 : Pages.statusFor(created.problem()));
                });
    }

    @GET
    @Path("forms/{formKey}")
    public Uni<Response> webForm(@PathParam("formKey") String formKey) {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/forms", formKey)).map(answer -> answer.ok()
                ? Response.ok(pages.page(form, "admin").data("webForm", answer.view())
                        .data("snippet", snippetOf(answer.body(), formKey))).build()
                : Pages.withStatus(404, pages.page(notFound, "admin").data("problem", ApiProblem.of(404, null))
                        .data("back", "/console/admin/forms")));
    }

    @GET
    @Path("fields")
    public Uni<Response> fields() {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        return fieldsPage(FormValues.empty().with("key", IdempotencyKeys.fresh()), null, 200);
    }

    @POST
    @Path("fields")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createField(MultivaluedMap<String, String> input) {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        FormValues values = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", values.orNull("fieldKey"));
        body.put("type", FIELD_TYPES.contains(values.get("type")) ? values.get("type") : null);
        body.put("label", Map.of("en", values.get("labelEn"), "de", values.get("labelDe")));
        body.put("required", "true".equals(values.get("required")));
        if ("choice".equals(values.get("type"))) {
            body.put("options", values.list("options"));
        }
        return api.sendJson(caller.accessToken(), HttpMethod.POST, ApiPath.of("/api/v1/contacts/fields"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(values.get("key"))))
                .chain(created -> created.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/console/admin/fields"))
                        : fieldsPage(values, created.problem(), Pages.statusFor(created.problem())));
    }

    @POST
    @Path("fields/{fieldKey}/delete")
    public Uni<Response> deleteField(@PathParam("fieldKey") String fieldKey) {
        if (!caller.view().admin()) {
            return Uni.createFrom().item(forbidden());
        }
        return api.send(caller.accessToken(), HttpMethod.DELETE, ApiPath.of("/api/v1/contacts/fields", fieldKey),
                        null, null, Map.of())
                .chain(deleted -> deleted.ok() ? Uni.createFrom().item(Pages.seeOther("/console/admin/fields"))
                        : fieldsPage(FormValues.empty().with("key", IdempotencyKeys.fresh()), deleted.problem(),
                                Pages.statusFor(deleted.problem())));
    }

    private Uni<Response> formsPage(FormValues values, ApiProblem problem, int status) {
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/forms").param("limit", 100)).map(list ->
                Pages.withStatus(status, pages.page(forms, "admin").data("forms", list).data("form", values)
                        .data("problem", problem)));
    }

    private Uni<Response> fieldsPage(FormValues values, ApiProblem problem, int status) {
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/contacts/fields")).map(list ->
                Pages.withStatus(status, pages.page(fields, "admin").data("fields", list).data("form", values)
                        .data("problem", problem)));
    }

    /** The API's own snippet when it has one; otherwise one that posts to the public form endpoint. */
    static String snippetOf(JsonNode webForm, String formKey) {
        for (String name : List.of("embedSnippet", "snippet", "embedCode")) {
            if (webForm != null && webForm.hasNonNull(name)) {
                return webForm.get(name).asText();
            }
        }
        String key = ApiPath.of("", formKey).toString().substring(1);
        return "<form method=\"post\" action=\"/public/v1/forms/" + key + "\">\n"
                + "  <input name=\"firstName\" placeholder=\"First name\">\n"
                + "  <input name=\"lastName\" placeholder=\"Last name\">\n"
                + "  <input name=\"email\" type=\"email\" placeholder=\"E-mail\" required>\n"
                + "  <button type=\"submit\">Send</button>\n</form>";
    }

    private String pretty(JsonNode body) {
        if (body == null) {
            return "";
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (IOException e) {
            return body.toString();
        }
    }

    private Response forbidden() {
        return Pages.withStatus(404, pages.page(notFound, "admin").data("problem", ApiProblem.of(403, null))
                .data("back", "/console/"));
    }
}
