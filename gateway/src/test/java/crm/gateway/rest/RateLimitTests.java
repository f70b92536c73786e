package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class RateLimitTests {

    /** Far more than a burst: refills are slow enough in tests that a burst runs out long before. */
    private static final int MAX_ATTEMPTS = 100;
    /** The demo integration (client-credentials grant, tenant {@code veloce}) added for local runs and tests. */
    private static final String INTEGRATION_CLIENT = "crm-integration-demo";
    private static final String INTEGRATION_SECRET = "demo-integration-secret";

    @Test
    void shouldTellTheCallerItsStandingUnderTheLimit() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        Response answer = given().auth().oauth2(token).when().get("/api/v1/contacts/" + UUID.randomUUID());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("RateLimit-Policy"))
                .contains("\"tenant\";q=" + DownstreamStubs.CLIENT_BURST * 2)
                .contains("\"user\";q=" + DownstreamStubs.CLIENT_BURST);
        assertThat(answer.header("RateLimit")).matches(
                "\"tenant\";r=\\d+;t=\\d+, \"user\";r=\\d+;t=\\d+");
    }

    @Test
    void shouldAnswer429ProblemWithRetryAfterOnceTheClientIsOverItsLimit() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        Response refused = firstRefusal(() -> given().auth().oauth2(token)
                .when().get("/api/v1/leads/" + UUID.randomUUID()));

        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Policy")).contains("\"user\";q=" + DownstreamStubs.CLIENT_BURST);
        assertThat(refused.header("RateLimit")).contains("\"user\";r=0;");
    }

    @Test
    void shouldKeepEachTenantsLimitToItself() {
        String exhausted = TestTenant.create(DevStack.shared()).hqToken("agent");
        String other = TestTenant.create(DevStack.shared()).hqToken("agent");

        firstRefusal(() -> given().auth().oauth2(exhausted).when().get("/api/v1/tickets/" + UUID.randomUUID()));

        given().auth().oauth2(other).when().get("/api/v1/tickets/" + UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void shouldGiveEachPersonOfATenantTheirOwnLimitWithinTheSameClient() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String busy = tenant.hqToken("agent");
        String colleague = tenant.hqToken("agent");

        firstRefusal(() -> given().auth().oauth2(busy).when().get("/api/v1/contacts/" + UUID.randomUUID()));

        // Both come through the same client (crm-cli); keyed by tenant and client alone they would share a bucket.
        Response answer = given().auth().oauth2(colleague).when().get("/api/v1/contacts/" + UUID.randomUUID());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("RateLimit")).contains("\"user\";r=" + (DownstreamStubs.CLIENT_BURST - 1) + ";");
    }

    @Test
    void shouldKeepAnIntegrationsServiceAccountLimitedPerClient() {
        String integration = DevStack.shared().keycloakAdmin()
                .clientToken(INTEGRATION_CLIENT, INTEGRATION_SECRET);

        Response answer = given().auth().oauth2(integration).when().get("/api/v1/products/" + UUID.randomUUID());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("RateLimit-Policy"))
                .contains("\"client\";q=" + DownstreamStubs.CLIENT_BURST)
                .doesNotContain("\"user\"");
    }

    @Test
    void shouldLimitAnonymousFormSubmissionsPerVisitorAndForm() {
        String formKey = "form-" + UUID.randomUUID();

        Response refused = firstRefusal(() -> given().contentType(ContentType.JSON).body("{\"email\":\"a@example.com\"}")
                .when().post("/public/v1/forms/" + formKey));

        assertThat(refused.header("RateLimit-Policy")).contains("\"form\";q=" + DownstreamStubs.FORM_BURST);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        given().contentType(ContentType.JSON).body("{\"email\":\"a@example.com\"}")
                .when().post("/public/v1/forms/form-" + UUID.randomUUID()).then().statusCode(201);
    }

    private static Response firstRefusal(Supplier<Response> request) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Response answer = request.get();
            if (answer.statusCode() == 429) {
                return answer;
            }
            assertThat(answer.statusCode()).as("answer under the limit").isLessThan(300);
            assertThat(answer.header("RateLimit")).isNotBlank();
        }
        throw new AssertionError("no 429 within " + MAX_ATTEMPTS + " requests");
    }
}
