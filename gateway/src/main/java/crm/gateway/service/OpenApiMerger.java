package crm.gateway.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one a client sees. Paths stay as they are (the
 * services already serve {@code /api/v1/...}); only the paths the gateway routes from outside
 * ({@code /api/...} and {@code /public/...}) are kept, so a service's {@code /q/*} paths and its internal
 * ones (e.g. {@code /privacy/v1/...}, which only the gateway calls) never appear. Tags are joined by
 * name. A component (schema, response, parameter, ...) that another service already defined differently
 * is renamed with the service's prefix, e.g. {@code Problem} becomes {@code LeadsProblem}, and the
 * service's references follow. The services' security schemes give way to the gateway's OAuth2 scheme.
 */
public final class OpenApiMerger {

    static final String SCHEME = "oauth2";
    private static final String COMPONENTS_REF = "#/components/";

    private final JsonObject merged;
    private final JsonObject paths = new JsonObject();
    private final Map<String, JsonObject> tags = new LinkedHashMap<>();
    private final JsonObject components = new JsonObject();

    /**
     * @param authorizationUrl the identity provider's authorization endpoint (authorization code with PKCE)
     * @param tokenUrl         its token endpoint
     */
    public OpenApiMerger(String title, String authorizationUrl, String tokenUrl) {
        this.merged = new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", title).put("version", "1.0"));
        components.put("securitySchemes", new JsonObject().put(SCHEME, new JsonObject()
                .put("type", "oauth2")
                .put("description", "Keycloak; apps and the Swagger UI use the public client crm-web with PKCE")
                .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                        .put("authorizationUrl", authorizationUrl).put("tokenUrl", tokenUrl)
                        .put("scopes", new JsonObject().put("openid", "Sign in"))))));
    }

    /** Adds one service's document; call in a fixed order, so that renames do not change between builds. */
    public OpenApiMerger add(String serviceName, JsonObject document) {
        JsonObject own = document.copy();
        JsonObject ownComponents = own.getJsonObject("components", new JsonObject());
        ownComponents.remove("securitySchemes");
        Map<String, String> renames = renamesFor(serviceName, ownComponents);
        JsonObject rewritten = (JsonObject) rewriteRefs(own, renames);
        addComponents(rewritten.getJsonObject("components", new JsonObject()), renames);
        addPaths(rewritten.getJsonObject("paths", new JsonObject()));
        rewritten.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (tag instanceof JsonObject named) {
                tags.putIfAbsent(named.getString("name"), named);
            }
        });
        return this;
    }

    public JsonObject build(List<String> missingServices) {
        JsonObject document = merged.copy()
                .put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())))
                .put("tags", new JsonArray(List.copyOf(tags.values())))
                .put("paths", paths.copy())
                .put("components", components.copy());
        if (!missingServices.isEmpty()) {
            document.put("x-missing-services", new JsonArray(List.copyOf(missingServices)));
        }
        return document;
    }

    /** Old reference ({@code #/components/schemas/Problem}) to new name, for conflicting components only. */
    private Map<String, String> renamesFor(String serviceName, JsonObject ownComponents) {
        String prefix = prefixOf(serviceName);
        Map<String, String> renames = new HashMap<>();
        for (String kind : ownComponents.fieldNames()) {
            JsonObject existing = components.getJsonObject(kind, new JsonObject());
            JsonObject own = ownComponents.getJsonObject(kind, new JsonObject());
            for (String name : own.fieldNames()) {
                if (existing.containsKey(name) && !existing.getValue(name).equals(own.getValue(name))) {
                    renames.put(COMPONENTS_REF + kind + "/" + name, prefix + name);
                }
            }
        }
        return renames;
    }

    private void addComponents(JsonObject ownComponents, Map<String, String> renames) {
        for (String kind : ownComponents.fieldNames()) {
            if (!(ownComponents.getValue(kind) instanceof JsonObject own)) {
                continue;
            }
            JsonObject target = components.getJsonObject(kind);
            if (target == null) {
                target = new JsonObject();
                components.put(kind, target);
            }
            for (String name : own.fieldNames()) {
                String finalName = renames.getOrDefault(COMPONENTS_REF + kind + "/" + name, name);
                if (!target.containsKey(finalName)) {
                    target.put(finalName, own.getValue(name));
                }
            }
        }
    }

    private void addPaths(JsonObject ownPaths) {
        for (String path : ownPaths.fieldNames()) {
            if (!reachableFromOutside(path) || !(ownPaths.getValue(path) instanceof JsonObject item)) {
                continue;
            }
            JsonObject target = paths.getJsonObject(path);
            if (target == null) {
                target = new JsonObject();
                paths.put(path, target);
            }
            for (String method : item.fieldNames()) {
                Object operation = item.getValue(method);
                if (operation instanceof JsonObject op && op.getValue("security") instanceof JsonArray security
                        && !security.isEmpty()) {
                    // An open operation keeps its empty list; a secured one names the gateway's scheme.
                    op.put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())));
                }
                if (!target.containsKey(method)) {
                    target.put(method, operation);
                }
            }
        }
    }

    /** Whether clients can call the path through the gateway; everything else is internal to the cluster. */
    static boolean reachableFromOutside(String path) {
        return path.startsWith(RouteTable.API) || path.startsWith(RouteTable.PUBLIC_FORMS);
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String ref && renames.containsKey(ref)) {
                    copy.put(key, ref.substring(0, ref.lastIndexOf('/') + 1) + renames.get(ref));
                } else {
                    copy.put(key, rewriteRefs(value, renames));
                }
            }
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(item, renames)));
            return copy;
        }
        return node;
    }

    /** {@code leads-service} gives {@code Leads}. */
    static String prefixOf(String serviceName) {
        String base = serviceName.endsWith("-service")
                ? serviceName.substring(0, serviceName.length() - "-service".length()) : serviceName;
        StringBuilder prefix = new StringBuilder();
        for (String word : base.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                prefix.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return prefix.toString();
    }
}
