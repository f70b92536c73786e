package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import crm.devstack.DevStackResource;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class OpenApiTests {

    private static final String EXPORT = "/api/v1/privacy/subjects/{contactId}/export";

    @Test
    void shouldServeOneDocumentWithTheOperationsOfEveryServiceThatIsUp() {
        String body = given().when().get("/q/openapi")
                .then().statusCode(200).contentType("application/json").extract().asString();
        JsonObject document = new JsonObject(body);

        assertThat(document.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/v1/contacts", "/api/v1/leads", "/api/v1/tickets",
                        EXPORT, "/api/v1/customers/{contactId}/overview");
        assertThat(document.getJsonArray("x-missing-services").getList()).containsExactly("analytics-service");
        assertThat(document.getJsonArray("tags").stream().map(t -> ((JsonObject) t).getString("name")))
                .containsExactlyInAnyOrder("Contacts", "Leads", "Tickets", "Privacy", "Composite views");

        OpenAPI model = parse(body);
        assertThat(model.getPaths().getPathItem("/api/v1/leads").getGET().getOperationId()).isEqualTo("listLeads");
        assertThat(model.getPaths().getPathItem("/api/v1/tickets").getGET().getOperationId()).isEqualTo("listTickets");
        assertThat(model.getComponents().getSchemas()).containsKeys("Contact", "Lead", "Ticket", "Problem",
                "LeadsProblem", "TicketsProblem");
        assertThat(model.getPaths().getPathItem("/api/v1/leads").getGET().getResponses().getAPIResponse("400")
                .getContent().getMediaType("application/problem+json").getSchema().getRef())
                .isEqualTo("#/components/schemas/LeadsProblem");
    }

    @Test
    void shouldDescribeTheGatewaysOwnPrivacyExportButNoInternalPath() {
        String body = given().when().get("/openapi").then().statusCode(200).extract().asString();
        JsonObject document = new JsonObject(body);

        assertThat(document.getJsonObject("paths").fieldNames()).noneMatch(path -> path.startsWith("/privacy/"));
        OpenAPI model = parse(body);
        Operation export = model.getPaths().getPathItem(EXPORT).getGET();
        assertThat(export.getSummary()).isNotBlank();
        assertThat(export.getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys("oauth2"));
        assertThat(export.getResponses().getAPIResponse("200").getContent().getMediaType("application/json")
                .getExamples()).isNotEmpty();
        assertThat(export.getResponses().getAPIResponses()).containsKeys("401", "403", "404");
        assertThat(model.getComponents().getSchemas()).containsKeys("PrivacyExport", "MissingPart");
    }

    @Test
    void shouldDescribeTheKeycloakAuthorizationCodeFlow() {
        JsonObject flow = new JsonObject(given().when().get("/openapi").then().statusCode(200).extract().asString())
                .getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("oauth2")
                .getJsonObject("flows").getJsonObject("authorizationCode");

        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        assertThat(flow.getString("authorizationUrl")).isEqualTo(realm + "/protocol/openid-connect/auth");
        assertThat(flow.getString("tokenUrl")).isEqualTo(realm + "/protocol/openid-connect/token");
    }

    @Test
    void shouldPointSwaggerUiAtTheMergedDocumentWithPkceForCrmWeb() {
        given().when().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .body(containsString("/q/openapi"))
                .body(containsString("crm-web"))
                .body(containsString("usePkceWithAuthorizationCodeGrant"));
    }

    private static OpenAPI parse(String json) {
        return SmallRyeOpenAPI.builder()
                .withConfig(ConfigProvider.getConfig())
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .build()
                .model();
    }
}
