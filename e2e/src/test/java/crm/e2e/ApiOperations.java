package crm.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.devstack.CrmService;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every API operation of the gateway's merged OpenAPI document (what clients see), so that security and
 * bad-input checks cover a new endpoint of any service the moment it exists.
 */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation: method, path template, the media type of its body (null without one) and its query
     * parameters.
     */
    record Operation(String source, String method, String path, String bodyType, List<String> queryParameters) {

        boolean hasBody() {
            return bodyType != null;
        }

        boolean hasPathParameters() {
            return path.contains("{");
        }

        /** The path with every parameter replaced by {@code value}. */
        String pathWith(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() {
        String document = RestAssured.given().baseUri(Crm.system().url(CrmService.GATEWAY))
                .when().get("/openapi")
                .then().statusCode(200).extract().asString();
        return parse("gateway", document);
    }

    static List<Operation> parse(String source, String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new IllegalStateException(source + " serves no valid OpenAPI JSON", e);
        }
        if (root.has("x-missing-services")) {
            throw new IllegalStateException("the merged OpenAPI lacks " + root.get("x-missing-services"));
        }
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    List<String> query = new ArrayList<>();
                    op.getValue().path("parameters").forEach(p -> {
                        if ("query".equals(p.path("in").asText())) {
                            query.add(p.path("name").asText());
                        }
                    });
                    Iterator<String> bodyTypes = op.getValue().path("requestBody").path("content").fieldNames();
                    String bodyType = op.getValue().has("requestBody")
                            ? (bodyTypes.hasNext() ? bodyTypes.next() : "application/json") : null;
                    operations.add(new Operation(source, op.getKey(), path.getKey(), bodyType, query));
                }
            });
        }
        return operations;
    }
}
