package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class BodyLimitTests {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void shouldRefuseDeclaredBodyAboveTheLimitWithProblem() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(jsonOfSize(DownstreamStubs.MAX_BODY_BYTES + 1))
                .when().post("/api/v1/contacts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void shouldRefuseChunkedBodyAboveTheLimitWithProblem() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        HttpResponse<String> answer = ChunkedUpload.post(gateway.resolve("/api/v1/interactions"), token,
                jsonOfSize(DownstreamStubs.MAX_BODY_BYTES + 1).getBytes(UTF_8));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonPath(answer.body()).getInt("status")).isEqualTo(413);
    }

    @Test
    void shouldForwardChunkedBodyUpToTheLimit() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String body = jsonOfSize(DownstreamStubs.MAX_BODY_BYTES);

        HttpResponse<String> answer =
                ChunkedUpload.post(gateway.resolve("/api/v1/interactions"), token, body.getBytes(UTF_8));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(new JsonPath(answer.body()).getString("body")).isEqualTo(body);
    }

    @Test
    void shouldLetUploadRoutesTakeLargerBodiesUpToTheirOwnLimit() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String csv = csvOfSize(DownstreamStubs.MAX_UPLOAD_BYTES);

        given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(UTF_8))
                .when().post("/api/v1/contacts/imports")
                .then().statusCode(201).body("body", equalTo(csv));
        HttpResponse<String> chunked = ChunkedUpload.post(gateway.resolve("/api/v1/purchases/bulk"), token,
                csv.getBytes(UTF_8));
        assertThat(chunked.statusCode()).isEqualTo(201);

        given().auth().oauth2(token).contentType("text/csv").body(csvOfSize(DownstreamStubs.MAX_UPLOAD_BYTES + 1))
                .when().post("/api/v1/contacts/imports")
                .then().statusCode(413).contentType("application/problem+json");
        // The larger limit is the upload's alone: the same body elsewhere, or with another method, is refused.
        given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(UTF_8))
                .when().put("/api/v1/contacts/imports")
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(csv.getBytes(UTF_8))
                .when().post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldWaitForAnUploadsAnswerLongerThanForOthers() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).contentType("text/csv").body("lastName\nLange\n".getBytes(UTF_8))
                .when().post("/api/v1/contacts/imports?answers-late")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/interactions?answers-late")
                .then().statusCode(504).contentType("application/problem+json");
    }

    /** A CSV document of exactly {@code size} bytes. */
    private static String csvOfSize(int size) {
        String header = "lastName,note\n";
        StringBuilder csv = new StringBuilder(header);
        while (csv.length() < size) {
            csv.append("Lange,").append("x".repeat(Math.max(0, Math.min(60, size - csv.length() - 8)))).append('\n');
        }
        csv.setLength(size);
        return csv.toString();
    }

    /** A JSON document of exactly {@code size} bytes, unique to the calling test. */
    private static String jsonOfSize(int size) {
        String prefix = "{\"id\":\"" + UUID.randomUUID() + "\",\"note\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
