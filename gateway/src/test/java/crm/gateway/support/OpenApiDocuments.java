package crm.gateway.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The small OpenAPI documents the stand-ins serve at {@code /q/openapi}: one resource each, a {@code /q}
 * path and the internal privacy export path, neither of which may reach the merged document, and a
 * {@code Problem} schema that differs between services, so that merging has a name conflict to settle.
 */
public final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    /** The resource of each stand-in, as in {@code /api/v1/<resource>}. */
    public static String resourceOf(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    static String of(String service) {
        String resource = resourceOf(service);
        String tag = Character.toUpperCase(resource.charAt(0)) + resource.substring(1);
        String schema = tag.substring(0, tag.length() - 1);
        JsonObject list = new JsonObject()
                .put("tags", new JsonArray().add(tag))
                .put("operationId", "list" + tag)
                .put("summary", "List " + resource)
                .put("responses", new JsonObject().put("200", new JsonObject()
                        .put("description", "The " + resource)
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("type", "array").put("items",
                                        new JsonObject().put("$ref", "#/components/schemas/" + schema))))))
                        .put("400", new JsonObject().put("description", "Invalid").put("content",
                                new JsonObject().put("application/problem+json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/Problem"))))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", tag)))
                .put("paths", new JsonObject()
                        .put("/api/v1/" + resource, new JsonObject().put("get", list))
                        .put("/q/health", new JsonObject().put("get", new JsonObject()
                                .put("responses", new JsonObject().put("200",
                                        new JsonObject().put("description", "UP")))))
                        .put("/privacy/v1/subjects/{contactId}/export", new JsonObject().put("get", new JsonObject()
                                .put("summary", "This service's part of a person's export (internal)")
                                .put("responses", new JsonObject().put("200",
                                        new JsonObject().put("description", "The part"))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schema, new JsonObject().put("type", "object")
                                .put("properties", new JsonObject().put("id", new JsonObject().put("type", "string"))))
                        .put("Problem", new JsonObject().put("type", "object")
                                .put("description", "Problem of " + service)
                                .put("properties", new JsonObject().put(resource + "Detail",
                                        new JsonObject().put("type", "string"))))))
                .encode();
    }
}
