package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class IdempotencyTests {

    private static ExtractableResponse<Response> post(String token, String path, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(path).then().extract();
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameKeyAndBody() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\",\"email\":\"eva@example.com\"}";

        ExtractableResponse<Response> first = post(token, "/api/v1/contacts", key, body);
        ExtractableResponse<Response> repeat = post(token, "/api/v1/contacts", key,
                "{ \"lastName\":\"Kraft\", \"firstName\":\"Eva\", \"email\":\"eva@example.com\" }");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        given().auth().oauth2(token).when().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWith422() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = UUID.randomUUID().toString();
        post(token, "/api/v1/contacts", key, "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}");

        ExtractableResponse<Response> reuse = post(token, "/api/v1/contacts", key, "{\"firstName\":\"Max\",\"lastName\":\"Kraft\"}");

        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        given().auth().oauth2(token).when().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldKeepKeysOfDifferentUsersAndOperationsApart() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");
        String munich = tenant.unitToken("munich", "agent");
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}";

        String first = post(hamburg, "/api/v1/contacts", key, body).path("id");
        ExtractableResponse<Response> other = post(munich, "/api/v1/contacts", key, body);
        ExtractableResponse<Response> company = post(hamburg, "/api/v1/companies", key, "{\"name\":\"Kraft AG\"}");

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.<String>path("id")).isNotEqualTo(first);
        assertThat(other.<String>path("unitId")).isEqualTo(tenant.unit("munich"));
        assertThat(company.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldMakeCompanyCreationIdempotentToo() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = "company-" + UUID.randomUUID();

        String first = post(token, "/api/v1/companies", key, "{\"name\":\"Velo AG\"}").path("id");
        ExtractableResponse<Response> repeat = post(token, "/api/v1/companies", key, "{\"name\":\"Velo AG\"}");
        ExtractableResponse<Response> reuse = post(token, "/api/v1/companies", key, "{\"name\":\"Other AG\"}");

        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.<String>path("id")).isEqualTo(first);
        assertThat(reuse.statusCode()).isEqualTo(422);
        given().auth().oauth2(token).when().get("/api/v1/companies").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseMalformedKeysNamingTheHeader() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String body = "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}";

        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(256)).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "with space").body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(token).when().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
    }
}
