package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.ChunkedUpload;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class ProxyRoutingTests {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void shouldRouteEachResourceToItsService() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        Map<String, String> owners = Map.of(
                "companies", "contacts-service", "privacy", "contacts-service",
                "opportunities", "leads-service", "forms", "leads-service",
                "sla-policies", "tickets-service", "articles", "tickets-service");

        owners.forEach((resource, service) -> {
            String path = "/api/v1/" + resource + "/" + UUID.randomUUID();
            given().auth().oauth2(token).when().get(path)
                    .then().statusCode(200)
                    .body("service", equalTo(service))
                    .body("path", equalTo(path));
        });
    }

    @Test
    void shouldPassPathAndQueryStringOnUnchanged() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/contacts/" + UUID.randomUUID() + "/timeline";
        String query = "limit=5&cursor=a%2Bb%3D&q=J%C3%BCrgen%20M";

        given().auth().oauth2(token).urlEncodingEnabled(false).when().get(path + "?" + query)
                .then().statusCode(200)
                .body("service", equalTo("contacts-service"))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path))
                .body("query", equalTo(query));
    }

    @Test
    void shouldStreamPostBodyToTheServiceAndTheAnswerBack() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String body = "{\"title\":\"Brake squeaks\",\"note\":\"" + "x".repeat(20_000) + UUID.randomUUID() + "\"}";

        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets")
                .then().statusCode(201)
                .body("service", equalTo("tickets-service"))
                .body("method", equalTo("POST"))
                .body("body", equalTo(body))
                .body("headers.'content-type'", startsWith("application/json"))
                .body("headers.'content-length'", equalTo(String.valueOf(body.length())));
    }

    @Test
    void shouldStreamChunkedPostBodyToTheService() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String body = "{\"name\":\"Spring campaign " + UUID.randomUUID() + "\"}";

        HttpResponse<String> answer =
                ChunkedUpload.post(gateway.resolve("/api/v1/campaigns"), token, body.getBytes(UTF_8));

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonPath received = new JsonPath(answer.body());
        assertThat(received.getString("service")).isEqualTo("leads-service");
        assertThat(received.getString("body")).isEqualTo(body);
        assertThat(received.getString("headers.'transfer-encoding'")).isEqualTo("chunked");
    }

    @Test
    void shouldPassAuthorizationAndHostOnSoLinksPointAtTheGateway() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).header("Host", "crm.example.com").contentType(ContentType.JSON)
                .body("{\"firstName\":\"Jana\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", "http://crm.example.com/api/v1/contacts/42")
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.host", equalTo("crm.example.com"));
    }

    @Test
    void shouldReachPublicFormsWithoutToken() {
        String formKey = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON).body("{\"email\":\"visitor@example.com\"}")
                .when().post("/public/v1/forms/" + formKey)
                .then().statusCode(201)
                .body("service", equalTo("leads-service"))
                .body("path", equalTo("/public/v1/forms/" + formKey))
                .body("headers", not(hasKey("authorization")));
    }

    @Test
    void shouldPassConsolePagesOnWithTheSessionCookieAndNoTokenRequired() {
        String path = "/console/customers/" + UUID.randomUUID();

        given().header("Host", "crm.example.com").cookie("q_session", "opaque-session")
                .when().get(path + "?q=Schulz")
                .then().statusCode(200)
                .body("service", equalTo("console"))
                .body("path", equalTo(path))
                .body("query", equalTo("q=Schulz"))
                .body("headers.cookie", equalTo("q_session=opaque-session"))
                .body("headers.host", equalTo("crm.example.com"))
                .body("headers", hasKey("x-forwarded-proto"));
    }

    @Test
    void shouldLeadTheSiteRootAndTheBareConsolePathToTheConsole() {
        for (String path : new String[] {"/", "/console"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .body("service", equalTo("console"))
                    .body("path", equalTo(path));
        }
    }

    @Test
    void shouldPassConsoleFormPostsOn() {
        given().contentType(ContentType.URLENC).formParam("note", "Called-about-the-appointment")
                .when().post("/console/customers/42/interactions")
                .then().statusCode(201)
                .body("service", equalTo("console"))
                .body("method", equalTo("POST"))
                .body("body", equalTo("note=Called-about-the-appointment"));
    }

    @Test
    void shouldAnswerUnknownApiPathWithNotFoundProblem() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        for (String path : new String[] {"/api/v1/nope", "/api/v1/contactsx/1", "/api/v1/", "/api/v2/contacts"}) {
            given().auth().oauth2(token).when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("about:blank"))
                    .body("title", equalTo("Not Found"))
                    .body("status", equalTo(404));
        }
    }

    @Test
    void shouldAnswerUnknownPublicPathWithNotFoundProblem() {
        given().when().get("/public/v1/anything")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void shouldRefuseEncodedDotSegmentsThatWouldLeaveTheRoutedResource() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get("/api/v1/contacts/%2e%2e/tickets/" + UUID.randomUUID())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
