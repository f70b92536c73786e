package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTests {

    private static final JsonObject SHARED = new JsonObject().put("type", "string");

    @Test
    void shouldShareIdenticalSchemasAndPrefixConflictingOnes() {
        JsonObject merged = new OpenApiMerger("CRM API", "https://kc/auth", "https://kc/token")
                .add("contacts-service", document("/api/v1/contacts", new JsonObject().put("type", "object")))
                .add("leads-service", document("/api/v1/leads", new JsonObject().put("type", "array")))
                .build(List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Item", "LeadsItem", "Id");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/leads").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getString("$ref"))
                .isEqualTo("#/components/schemas/LeadsItem");
        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactlyInAnyOrder("/api/v1/contacts", "/api/v1/leads");
        assertThat(merged.containsKey("x-missing-services")).isFalse();
    }

    @Test
    void shouldReplaceTheServicesSecuritySchemesWithTheGatewaysOwn() {
        JsonObject service = document("/api/v1/tickets", SHARED);
        service.getJsonObject("components").put("securitySchemes", new JsonObject().put("SecurityScheme",
                new JsonObject().put("type", "openIdConnect")));
        service.getJsonObject("paths").getJsonObject("/api/v1/tickets").getJsonObject("get")
                .put("security", new io.vertx.core.json.JsonArray().add(new JsonObject().put("SecurityScheme",
                        new io.vertx.core.json.JsonArray())));

        JsonObject merged = new OpenApiMerger("CRM API", "https://kc/auth", "https://kc/token")
                .add("tickets-service", service).build(List.of("analytics-service"));

        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactly("oauth2");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/tickets").getJsonObject("get")
                .getJsonArray("security").getJsonObject(0).fieldNames()).containsExactly("oauth2");
        assertThat(merged.getJsonArray("x-missing-services").getList()).containsExactly("analytics-service");
    }

    @Test
    void shouldKeepOnlyThePathsClientsReachThroughTheGateway() {
        JsonObject service = document("/api/v1/contacts", SHARED);
        service.getJsonObject("paths")
                .put("/privacy/v1/subjects/{contactId}/export", new JsonObject().put("get", new JsonObject()))
                .put("/public/v1/forms/{formKey}", new JsonObject().put("post", new JsonObject()));

        JsonObject merged = new OpenApiMerger("CRM API", "https://kc/auth", "https://kc/token")
                .add("contacts-service", service).build(List.of());

        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/v1/contacts", "/public/v1/forms/{formKey}");
    }

    private static JsonObject document(String path, JsonObject item) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("paths", new JsonObject()
                        .put(path, new JsonObject().put("get", new JsonObject().put("responses", new JsonObject()
                                .put("200", new JsonObject().put("$ref", "#/components/schemas/Item"))))) 
                        .put("/q/health", new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Item", item).put("Id", SHARED)));
    }
}
