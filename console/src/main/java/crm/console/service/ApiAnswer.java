package crm.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One answer of the API: its status, the JSON body (null when there was none or it was not JSON) and the
 * headers the console acts on. A call that got no answer at all is status 503 with no body.
 */
@io.quarkus.qute.TemplateData
public record ApiAnswer(int status, JsonNode body, String etag, String location) {

    public static ApiAnswer unavailable() {
        return new ApiAnswer(503, null, null, null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body for a template; null when there is none. */
    public Object view() {
        return ok() ? JsonView.of(body) : null;
    }

    /** The items of a page ({@code {"items": [...]}}) or of a plain array; empty when the call failed. */
    public List<Object> items() {
        if (!ok() || body == null) {
            return List.of();
        }
        return JsonView.listOf(body.isArray() ? body : body.path("items"));
    }

    /** The raw item nodes, for code that computes from them (board columns, charts). */
    public List<JsonNode> itemNodes() {
        if (!ok() || body == null) {
            return List.of();
        }
        JsonNode array = body.isArray() ? body : body.path("items");
        java.util.ArrayList<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    /** The same answer with only the items that pass; for filters the API does not offer yet. */
    public ApiAnswer keepItems(java.util.function.Predicate<JsonNode> keep) {
        if (!ok() || body == null) {
            return this;
        }
        com.fasterxml.jackson.databind.node.ArrayNode kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        itemNodes().stream().filter(keep).forEach(kept::add);
        com.fasterxml.jackson.databind.node.ObjectNode page = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        page.set("items", kept);
        return new ApiAnswer(status, page, etag, location);
    }

    public String nextCursor() {
        if (!ok() || body == null || !body.hasNonNull("nextCursor")) {
            return null;
        }
        return body.get("nextCursor").asText();
    }

    public ApiProblem problem() {
        return ok() ? null : ApiProblem.of(status, body);
    }

    /** The version the ETag names ({@code "3"} or {@code W/"3"}), for an If-Match of a later change. */
    public String version() {
        if (etag != null) {
            return etag.replace("W/", "").replace("\"", "");
        }
        return body != null && body.hasNonNull("version") ? body.get("version").asText() : null;
    }
}
