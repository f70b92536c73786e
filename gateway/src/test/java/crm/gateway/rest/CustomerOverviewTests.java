package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins answer every part with their record of the request; analytics-service is down, and a
 * contact id with {@code slow-at-<service>} (or {@code missing-at-}, {@code refused-at-}) makes that
 * service never answer (or answer 404, 403).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class CustomerOverviewTests {

    @Test
    void shouldGatherEveryPartWithTheCallersTokenAndListWhatIsMissing() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contactId = UUID.randomUUID() + "-slow-at-tickets-service";

        JsonPath overview = given().auth().oauth2(token)
                .when().get("/api/v1/customers/" + contactId + "/overview")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        assertThat(overview.getString("contactId")).isEqualTo(contactId);
        assertThat(overview.getString("contact.path")).isEqualTo("/api/v1/contacts/" + contactId);
        assertThat(overview.getString("contact.headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(overview.getString("timeline.path")).isEqualTo("/api/v1/contacts/" + contactId + "/timeline");
        assertThat(overview.getString("timeline.query")).isEqualTo("limit=10");
        assertThat(overview.getString("openLeads.query")).isEqualTo("contactId=" + contactId
                + "&status=new&status=contacted&status=qualified&status=nurture");
        assertThat(overview.getString("openOpportunities.path")).isEqualTo("/api/v1/opportunities");
        assertThat(overview.getString("openOpportunities.service")).isEqualTo("leads-service");
        assertThat(overview.getList("missing", Map.class)).containsExactlyInAnyOrder(
                Map.of("part", "openTickets", "service", "tickets-service", "reason", "timeout"),
                Map.of("part", "value", "service", "analytics-service", "reason", "unavailable"));
    }

    @Test
    void shouldNameTheStatusOfAPartThatFailed() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contactId = UUID.randomUUID() + "-refused-at-leads-service";

        JsonPath overview = given().auth().oauth2(token)
                .when().get("/api/v1/customers/" + contactId + "/overview")
                .then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> missing = overview.getList("missing");
        assertThat(missing).contains(
                Map.of("part", "openLeads", "service", "leads-service", "reason", "error-status", "status", 403),
                Map.of("part", "openOpportunities", "service", "leads-service", "reason", "error-status",
                        "status", 403));
        assertThat(overview.getString("contact.service")).isEqualTo("contacts-service");
    }

    @Test
    void shouldAnswer404ProblemWhenTheContactDoesNotExist() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token)
                .when().get("/api/v1/customers/" + UUID.randomUUID() + "-missing-at-contacts-service/overview")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldPassTheContactsRefusalThrough() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token)
                .when().get("/api/v1/customers/" + UUID.randomUUID() + "-refused-at-contacts-service/overview")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("from contacts-service"));
    }

    @Test
    void shouldRequireAToken() {
        given().when().get("/api/v1/customers/" + UUID.randomUUID() + "/overview")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
