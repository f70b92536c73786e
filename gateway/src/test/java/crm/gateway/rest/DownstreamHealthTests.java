package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStackResource;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class DownstreamHealthTests {

    private static final String CHECK = "checks.find { it.name == 'downstream services' }";

    @Test
    void shouldStayReadyWhileAServiceIsDownAndReportEachServicesState() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.'contacts-service'", equalTo("UP"))
                .body(CHECK + ".data.'leads-service'", equalTo("UP"))
                .body(CHECK + ".data.'tickets-service'", equalTo("UP"))
                .body(CHECK + ".data.'analytics-service'", equalTo("DOWN"));
    }
}
