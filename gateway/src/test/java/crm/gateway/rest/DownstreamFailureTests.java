package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class DownstreamFailureTests {

    private static final long TIMEOUT_MILLIS = DownstreamStubs.TIMEOUT.toMillis();

    @Test
    void shouldAnswer503ProblemAtOnceWhenTheServiceIsDown() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");

        given().auth().oauth2(token).when().get("/api/v1/analytics/funnel?from=" + UUID.randomUUID())
                .then().statusCode(503)
                .time(lessThan(TIMEOUT_MILLIS / 2), TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("analytics-service"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldAnswer504ProblemWhenTheServiceDoesNotAnswerInTime() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).when().get("/api/v1/contacts/" + UUID.randomUUID() + "/never-answers")
                .then().statusCode(504)
                .time(both(greaterThanOrEqualTo(TIMEOUT_MILLIS)).and(lessThan(TIMEOUT_MILLIS * 5)),
                        TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway Timeout"))
                .body("status", equalTo(504))
                .body(not(containsString("Exception")));
    }
}
