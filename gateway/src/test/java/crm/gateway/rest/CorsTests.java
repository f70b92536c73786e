package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

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
class CorsTests {

    private static final String ALLOWED_ORIGIN = "http://localhost:8080";

    @Test
    void shouldAnswerThePreflightOfAnAllowedOriginWithoutToken() {
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .when().options("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void shouldExposeTheApisHeadersToAnAllowedOrigin() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).header("Origin", ALLOWED_ORIGIN)
                .when().get("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit"));
    }

    @Test
    void shouldRefuseAnOriginThatIsNotConfigured() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
