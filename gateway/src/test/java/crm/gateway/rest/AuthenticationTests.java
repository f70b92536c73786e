package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.security.CachedTokenIdentityProvider;
import crm.gateway.security.VerifiedTokens;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
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

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    Instance<IdentityProvider<?>> identityProviders;

    @Test
    void shouldVerifyATokenOnceAndAnswerItsLaterRequestsFromTheVerifiedTokens() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).when().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(200);

        assertThat(verifiedTokens.lookup(token)).isNotNull();
        // Quarkus asks the providers of a token in descending priority: the remembered tokens must come first.
        IdentityProvider<?> first = identityProviders.stream()
                .filter(provider -> provider.getRequestType() == TokenAuthenticationRequest.class)
                .max(Comparator.comparingInt(IdentityProvider::priority)).orElseThrow();
        assertThat(first).isInstanceOf(CachedTokenIdentityProvider.class);
    }

    @Test
    void shouldRefuseTamperedAndUnsignedCopiesOfATokenAlreadyAccepted() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String[] parts = token.split("\\.");
        // Accepted first, so that its verification is remembered: the copies below must be checked afresh.
        given().auth().oauth2(token).when().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(200);
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        for (String copy : new String[] {parts[0] + "." + parts[1] + "." + new String(signature),
                unsignedHeader + "." + parts[1] + ".", parts[0] + "." + parts[1] + "."}) {
            expectUnauthorizedProblem(given().auth().oauth2(copy)
                    .when().get("/api/v1/contacts/" + UUID.randomUUID()).then());
        }
        given().auth().oauth2(token).when().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(200);
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
