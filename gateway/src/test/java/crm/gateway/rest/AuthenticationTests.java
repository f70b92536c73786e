package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class AuthenticationTests {

    @Test
    void shouldAnswer401ProblemWithoutToken() {
        ValidatableResponse answer = given().when().get("/api/v1/contacts/" + UUID.randomUUID()).then();

        expectUnauthorizedProblem(answer).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void shouldAnswer401ProblemForTokenWithTamperedSignature() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String[] parts = token.split("\\.");
        // A character from the middle: the last one may only carry padding bits and decode unchanged.
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1] + "." + new String(signature);

        ValidatableResponse answer = given().auth().oauth2(tampered)
                .when().get("/api/v1/contacts/" + UUID.randomUUID()).then();

        expectUnauthorizedProblem(answer).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldAnswer401ProblemForUnsignedToken() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String payload = token.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        ValidatableResponse answer = given().auth().oauth2(header + "." + payload + ".")
                .when().get("/api/v1/contacts/" + UUID.randomUUID()).then();

        expectUnauthorizedProblem(answer).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldAnswer401ProblemForGarbageToken() {
        ValidatableResponse answer = given().auth().oauth2("not-a-jwt-" + UUID.randomUUID())
                .when().get("/api/v1/leads/" + UUID.randomUUID()).then();

        expectUnauthorizedProblem(answer);
    }

    @Test
    void shouldLeaveRoleChecksToTheServicesAndForwardTokenWithoutRole() {
        String token = TestTenant.create(DevStack.shared()).hqToken();

        given().auth().oauth2(token).when().get("/api/v1/tickets/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void shouldReachPublicFormsWithoutToken() {
        given().when().get("/public/v1/forms/" + UUID.randomUUID())
                .then().statusCode(200).body("service", equalTo("leads-service"));
    }

    @Test
    void shouldServeHealthMetricsAndOpenApiWithoutToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private static ValidatableResponse expectUnauthorizedProblem(ValidatableResponse answer) {
        return answer.statusCode(401)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", not(emptyOrNullString()));
    }
}
