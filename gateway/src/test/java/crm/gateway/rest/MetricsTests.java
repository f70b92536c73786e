package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class MetricsTests {

    @Test
    void shouldLabelRequestMetricsByResourceRatherThanById() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contactId = UUID.randomUUID().toString();
        String madeUp = "made-up-" + UUID.randomUUID();

        given().auth().oauth2(token).when().get("/api/v1/products/" + contactId).then().statusCode(200);
        given().when().get("/api/v1/" + madeUp).then().statusCode(401);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("uri=\"/api/v1/products/*\""))
                .body(containsString("uri=\"/api/v1/{unknown}\""))
                .body(not(containsString(contactId)))
                .body(not(containsString(madeUp)));
    }
}
