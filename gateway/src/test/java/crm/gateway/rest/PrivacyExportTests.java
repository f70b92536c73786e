package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins answer every service's part with their record of the request; analytics-service is
 * down, and a subject id with {@code slow-at-<service>} (or {@code missing-at-}, {@code refused-at-})
 * makes that service never answer (or answer 404, 403).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class PrivacyExportTests {

    @Test
    void shouldGatherEveryServicesExportWithTheCallersTokenAndNameWhatIsMissing() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");
        String subjectId = UUID.randomUUID() + "-slow-at-tickets-service";
        Instant before = Instant.now().minusSeconds(1);

        JsonPath export = given().auth().oauth2(token)
                .when().get("/api/v1/privacy/subjects/" + subjectId + "/export")
                .then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .extract().jsonPath();

        assertThat(export.getString("subjectId")).isEqualTo(subjectId);
        assertThat(Instant.parse(export.getString("exportedAt"))).isAfter(before);
        Map<String, Map<String, Object>> services = export.getMap("services");
        assertThat(services).containsOnlyKeys("contacts-service", "leads-service");
        for (String service : services.keySet()) {
            JsonPath part = new JsonPath(export.prettify()).setRootPath("services.'" + service + "'");
            assertThat(part.getString("service")).isEqualTo(service);
            assertThat(part.getString("method")).isEqualTo("GET");
            assertThat(part.getString("path")).isEqualTo("/privacy/v1/subjects/" + subjectId + "/export");
            assertThat(part.getString("headers.authorization")).isEqualTo("Bearer " + token);
        }
        assertThat(export.getList("missing", Map.class)).containsExactlyInAnyOrder(
                Map.of("service", "tickets-service", "reason", "timeout"),
                Map.of("service", "analytics-service", "reason", "unavailable"));
    }

    @Test
    void shouldNameTheStatusOfAServiceThatRefused() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");
        String subjectId = UUID.randomUUID() + "-refused-at-leads-service";

        JsonPath export = given().auth().oauth2(token)
                .when().get("/api/v1/privacy/subjects/" + subjectId + "/export")
                .then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> missing = export.getList("missing");
        assertThat(missing).contains(
                Map.of("service", "leads-service", "reason", "error-status", "status", 403));
        assertThat(export.getMap("services")).containsOnlyKeys("contacts-service", "tickets-service");
    }

    @Test
    void shouldAnswer404ProblemWhenContactsServiceDoesNotKnowThePerson() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");

        given().auth().oauth2(token)
                .when().get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "-missing-at-contacts-service/export")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldPassContactsServicesRefusalThrough() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");

        given().auth().oauth2(token)
                .when().get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "-refused-at-contacts-service/export")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("from contacts-service"));
    }

    @Test
    void shouldRefuseCallersWithoutTheAdminRole() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager", "agent");

        given().auth().oauth2(token)
                .when().get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "/export")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("admin"))
                .body(not(containsString("contacts-service")));
    }

    @Test
    void shouldRequireAToken() {
        given().when().get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "/export")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRouteErasureRequestsAndTheirStatusToContactsService() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");
        String path = "/api/v1/privacy/subjects/" + UUID.randomUUID() + "/erasure";

        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post(path)
                .then().statusCode(201)
                .body("service", equalTo("contacts-service"))
                .body("method", equalTo("POST"))
                .body("path", equalTo(path));
        given().auth().oauth2(token)
                .when().get(path)
                .then().statusCode(200)
                .body("service", equalTo("contacts-service"))
                .body("path", equalTo(path));
    }

    @Test
    void shouldNeverRouteTheServicesInternalPrivacyPathsFromOutside() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin");

        given().auth().oauth2(token)
                .when().get("/privacy/v1/subjects/" + UUID.randomUUID() + "/export")
                .then().statusCode(404)
                .body(not(containsString("contacts-service")));
    }
}
