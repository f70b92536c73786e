package crm.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import crm.console.service.ApiAnswer;
import crm.console.service.ApiPath;
import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.ChartView;
import crm.console.service.Charts;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures: the dashboards as charts from analytics-service's read models, each loaded on its own so one
 * slow figure does not hold the others, and the segment builder with its audience export.
 */
@Path("/console/figures")
@Produces(MediaType.TEXT_HTML)
public class FigureResource {

    /** A dashboard figure: where its answer comes from and how it becomes a chart. */
    record Figure(String path, Map<String, String> query, Function<JsonNode, ChartView> chart) {
    }

    static final List<String> NAMES = List.of("name", "label", "displayName", "title", "sku", "unitId", "key",
            "contactId");

    static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("revenue-trend", new Figure("/api/v1/analytics/demand/products", Map.of("period", "month", "limit", "200"),
                body -> Charts.trend(Charts.rowsOf(body), List.of("periodStart", "period", "month", "date"),
                        List.of("revenue", "amount", "total"))));
        FIGURES.put("top-customers", new Figure("/api/v1/analytics/customers/top", Map.of("limit", "10"),
                body -> Charts.bar(Charts.rowsOf(body).stream().map(FigureResource::personLabel).toList(), List.of("name"),
                        List.of("revenue", "clv"), true)));
        FIGURES.put("top-sellers", new Figure("/api/v1/analytics/demand/top-sellers", Map.of("limit", "10"),
                body -> Charts.bar(Charts.rowsOf(body), NAMES, List.of("revenue", "units", "orders"), true)));
        FIGURES.put("slow-sellers", new Figure("/api/v1/analytics/demand/slow-sellers", Map.of("days", "90"),
                body -> Charts.bar(Charts.rowsOf(body), NAMES, List.of("units", "unitsPerDay", "revenue"), true)));
        FIGURES.put("cross-sell", new Figure("/api/v1/analytics/cross-sell/rules", Map.of(),
                body -> Charts.bar(Charts.rowsOf(body).stream().map(FigureResource::pairLabel).toList(),
                        List.of("pair"), List.of("lift", "confidence", "support"), true)));
        FIGURES.put("funnel-channel", new Figure("/api/v1/analytics/funnel", Map.of("by", "channel"),
                body -> Charts.grouped(Charts.rowsOf(body), List.of("label", "key", "channel"),
                        List.of("captured", "contacted", "qualified", "converted"))));
        FIGURES.put("funnel-campaign", new Figure("/api/v1/analytics/funnel", Map.of("by", "campaign"),
                body -> Charts.grouped(Charts.rowsOf(body), List.of("label", "key", "campaign"),
                        List.of("captured", "contacted", "qualified", "converted"))));
        FIGURES.put("sla", new Figure("/api/v1/analytics/service", Map.of(), FigureResource::slaCompliance));
        FIGURES.put("league", new Figure("/api/v1/analytics/league", Map.of(),
                body -> Charts.bar(Charts.rowsOf(body), List.of("unitId", "unit", "name"),
                        List.of("revenue", "score", "orders"), false)));
    }

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final Template dashboard;
    private final Template chart;
    private final Template segments;

    public FigureResource(GatewayApi api, Caller caller, Pages pages,
                          @Location("figures/dashboard.html") Template dashboard,
                          @Location("figures/chart.html") Template chart,
                          @Location("figures/segments.html") Template segments) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.dashboard = dashboard;
        this.chart = chart;
        this.segments = segments;
    }

    @GET
    public TemplateInstance dashboard() {
        return pages.page(dashboard, "figures").data("figures", List.copyOf(FIGURES.keySet()));
    }

    /** One figure as a chart with its table; htmx loads each into its card. */
    @GET
    @Path("chart/{name}")
    public Uni<Response> chart(@PathParam("name") String name) {
        Figure figure = FIGURES.get(name);
        if (figure == null) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        ApiPath path = ApiPath.of(figure.path());
        figure.query().forEach(path::param);
        return api.get(caller.accessToken(), path).map(answer -> {
            ChartView view = answer.ok() ? figure.chart().apply(answer.body()) : null;
            return Response.ok(pages.fragment(chart).data("name", name).data("chart", view)
                    .data("problem", answer.problem())).build();
        });
    }

    @GET
    @Path("segments")
    public Uni<TemplateInstance> segments() {
        return segmentsPage(FormValues.empty().with("key", IdempotencyKeys.fresh()), null);
    }

    /** Saves a segment: who belongs to it is decided by analytics-service from these criteria. */
    @POST
    @Path("segments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createSegment(MultivaluedMap<String, String> input) {
        FormValues form = FormValues.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.orNull("name"));
        body.put("rfmSegments", form.list("rfmSegments"));
        body.put("boughtSkus", form.list("boughtSkus"));
        body.put("notBoughtSkus", form.list("notBoughtSkus"));
        body.put("lifecycleStages", form.list("lifecycleStages"));
        body.put("tags", form.list("tags"));
        body.put("unitIds", form.list("unitIds"));
        return api.sendJson(caller.accessToken(), HttpMethod.POST, ApiPath.of("/api/v1/analytics/segments"), body,
                        Map.of("Idempotency-Key", IdempotencyKeys.fromForm(form.get("key"))))
                .chain(saved -> saved.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/console/figures/segments"))
                        : segmentsPage(form, saved.problem()).map(page ->
                                Pages.withStatus(Pages.statusFor(saved.problem()), page)));
    }

    /** The audience of a segment as CSV for a campaign tool, only people who consented to the channel. */
    @GET
    @Path("segments/{id}/audience.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Uni<Response> audience(@PathParam("id") String id, @QueryParam("channel") String channel) {
        String chosen = List.of("email", "phone", "sms", "post").contains(channel) ? channel : "email";
        return api.download(caller.accessToken(), ApiPath.of("/api/v1/analytics/segments", id, "audience.csv")
                        .param("channel", chosen))
                .map(file -> file.ok()
                        ? Response.ok(file.content(), "text/csv; charset=utf-8")
                                .header("Content-Disposition", "attachment; filename=\"audience-"
                                        + id.replaceAll("[^A-Za-z0-9-]", "") + "-" + chosen + ".csv\"")
                                .header("Cache-Control", "no-store").build()
                        : Response.status(file.status() == 404 || file.status() == 403 ? 404 : 502).build());
    }

    private Uni<TemplateInstance> segmentsPage(FormValues form, ApiProblem problem) {
        return api.get(caller.accessToken(), ApiPath.of("/api/v1/analytics/segments").param("limit", 100))
                .map(list -> pages.page(segments, "figures").data("segments", list).data("form", form)
                        .data("problem", problem));
    }

    /** The share of tickets that met their first-response and resolution targets, as two bars. */
    static ChartView slaCompliance(JsonNode report) {
        com.fasterxml.jackson.databind.node.ArrayNode rows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (String measure : List.of("firstResponseSlaCompliance", "resolutionSlaCompliance")) {
            if (report != null && report.path(measure).isNumber()) {
                rows.addObject().put("label", measure.replace("SlaCompliance", "")).set("compliance", report.get(measure));
            }
        }
        return Charts.bar(Charts.rowsOf(rows), List.of("label"), List.of("compliance"), false);
    }

    /** A top customer's name from first and last name. */
    static JsonNode personLabel(JsonNode customer) {
        com.fasterxml.jackson.databind.node.ObjectNode row = customer.deepCopy();
        String name = (customer.path("firstName").asText("") + " " + customer.path("lastName").asText("")).trim();
        row.put("name", name.isEmpty() ? customer.path("contactId").asText("?") : name);
        return row;
    }

    /** A cross-sell rule "bike => helmet" as one labelled row. */
    static com.fasterxml.jackson.databind.JsonNode pairLabel(com.fasterxml.jackson.databind.JsonNode rule) {
        com.fasterxml.jackson.databind.node.ObjectNode row = rule.deepCopy();
        String from = firstText(rule, "antecedentName", "antecedent", "fromName", "from", "productA", "a");
        String to = firstText(rule, "consequentName", "consequent", "toName", "to", "productB", "b");
        row.put("pair", from + " → " + to);
        return row;
    }

    private static String firstText(com.fasterxml.jackson.databind.JsonNode node, String... names) {
        for (String name : names) {
            com.fasterxml.jackson.databind.JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.isArray() ? String.join(", ", java.util.stream.StreamSupport
                        .stream(value.spliterator(), false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList())
                        : value.isObject() ? value.path("name").asText(value.toString()) : value.asText();
            }
        }
        return "?";
    }
}
