package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class ResilienceTests {

    @Test
    void shouldOpenTheBreakerOfAServiceThatIsDownAndAnswer503WithoutTryingIt() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");
        for (int i = 0; i < DownstreamStubs.BREAKER_THRESHOLD; i++) {
            given().auth().oauth2(token).when().get("/api/v1/analytics/funnel").then().statusCode(503);
        }

        Response refused = given().auth().oauth2(token).when().get("/api/v1/analytics/funnel");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("detail")).contains("analytics-service").contains("is failing");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("crm_gateway_circuit_open{service=\"analytics-service\"} 1.0"))
                .body(containsString("crm_gateway_circuit_open{service=\"contacts-service\"} 0.0"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.'analytics-service circuit'",
                        equalTo("OPEN"));
    }

    @Test
    void shouldRetryASafeRequestOnceWhenTheConnectionDropsBeforeAnyAnswer() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/contacts/" + UUID.randomUUID() + "/drops-first-connection";

        given().auth().oauth2(token).when().get(path)
                .then().statusCode(200)
                .body("attempt", equalTo(2));
    }

    @Test
    void shouldNeverRetryAPostWhenTheConnectionDrops() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/leads/" + UUID.randomUUID() + "/drops-first-connection";

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"note\":\"once\"}")
                .when().post(path)
                .then().statusCode(502)
                .contentType("application/problem+json");

        // The stand-in saw the POST once: this GET is its second request for the path.
        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("attempt", equalTo(2));
    }

    @Test
    void shouldNotRetryARequestThatTimedOut() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/tickets/" + UUID.randomUUID() + "/never-answers";

        given().auth().oauth2(token).when().get(path).then().statusCode(504);

        given().auth().oauth2(token).when().get(path + "?answer-now")
                .then().statusCode(200).body("attempt", equalTo(2));
    }
}
