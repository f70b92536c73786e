package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static crm.analytics.support.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant and unit isolation on every endpoint. Hamburg's data carries a marker (a SKU, a name, a company,
 * a queue, a segment name); another tenant and another unit must never see it, and every operation that
 * names a record by id answers them 404. HQ of the owning tenant sees it.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class IsolationTests {

    private static TestTenant owner;
    private static String marker;
    private static String contact;
    private static String segment;
    private static String ownerHq;

    static List<String> collections() {
        return List.of(
                "/api/v1/analytics/status",
                "/api/v1/analytics/contacts/count",
                "/api/v1/analytics/customers/top?limit=200",
                "/api/v1/analytics/customers/segments",
                "/api/v1/analytics/demand/products?period=day&from=2026-11-01&to=2026-11-30&limit=200",
                "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30&limit=200",
                "/api/v1/analytics/demand/slow-sellers?asOf=2026-11-30&limit=200",
                "/api/v1/analytics/demand/services?from=2026-11-01&to=2026-11-30&limit=200",
                "/api/v1/analytics/cross-sell/rules?limit=200",
                "/api/v1/analytics/funnel?by=channel&from=2026-11&to=2026-11",
                "/api/v1/analytics/funnel?by=unit&from=2026-11&to=2026-11",
                "/api/v1/analytics/campaigns/return",
                "/api/v1/analytics/leads/lookalikes?limit=200",
                "/api/v1/analytics/service?from=2026-11&to=2026-11",
                "/api/v1/analytics/league?period=2026-11",
                "/api/v1/analytics/segments");
    }

    static List<String> records() {
        return List.of(
                "/api/v1/analytics/customers/" + contact + "/value",
                "/api/v1/analytics/customers/" + contact + "/recommendations",
                "/api/v1/analytics/segments/" + segment,
                "/api/v1/analytics/segments/" + segment + "/audience.csv?channel=email",
                "/privacy/v1/subjects/" + contact + "/export");
    }

    /**
     * Once for the class, from the first test: the test framework points RestAssured at the application
     * only around each test, not in a static before-all method.
     */
    @BeforeEach
    void publishHamburgsDataOnce() {
        if (owner == null) {
            publishHamburgsData();
        }
    }

    private static void publishHamburgsData() {
        owner = TestTenant.create(DevStack.shared());
        ownerHq = owner.hqToken("admin", "manager", "agent");
        marker = "mark" + UUID.randomUUID().toString().substring(0, 8);
        contact = DataSet.id();
        DataSet data = new DataSet(owner);
        data.contactCreated(contact, "hamburg", "Secret", marker, marker + "@example.com", null, "20095", "Hamburg",
                "customer", List.of("newsletter"), null);
        data.consent(contact, "email", "granted", "2026-11-01T10:00:00Z");
        data.purchase(DataSet.id(), contact, "hamburg", "2026-11-02T10:00:00Z", "EUR", "200.00",
                marker + "-A", 1, "100.00", marker + "-B", 1, "100.00");
        data.purchase(DataSet.id(), contact, "hamburg", "2026-11-03T10:00:00Z", "EUR", "100.00", marker + "-C", 1, "100.00");
        String lead = DataSet.id();
        data.publish(DataSet.LEADS, "crm.lead.captured.v1", "hamburg", lead, "2026-11-02T10:00:00Z", DataSet.data(
                "leadId", lead, "unitId", owner.unit("hamburg"), "channel", marker, "campaignId", null,
                "postalCode", "20095", "companyName", marker + " GmbH", "companySize", "10-49",
                "productsOfInterest", List.of(marker + "-A"), "capturedAt", "2026-11-02T10:00:00Z"));
        data.ticketOpened(DataSet.id(), "hamburg", DataSet.id(), marker + " queue", marker, "2026-11-02T10:00:00Z");
        data.awaitApplied(ownerHq);
        segment = post(ownerHq, "/api/v1/analytics/segments", "{\"name\": \"" + marker + "\"}").statusCode(201)
                .extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(ownerHq, "/api/v1/analytics/leads/lookalikes").statusCode(200)
                        .body(org.hamcrest.Matchers.containsString(marker)));
    }

    @Test
    void shouldShowHeadquartersItsOwnData() {
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/api/v1/analytics/customers/top", "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30",
                "/api/v1/analytics/cross-sell/rules", "/api/v1/analytics/funnel?from=2026-11&to=2026-11",
                "/api/v1/analytics/leads/lookalikes", "/api/v1/analytics/service?from=2026-11&to=2026-11",
                "/api/v1/analytics/demand/services?from=2026-11-01&to=2026-11-30", "/api/v1/analytics/segments")) {
            if (!get(ownerHq, path).statusCode(200).extract().asString().contains(marker)) {
                missing.add(path);
            }
        }
        assertThat(missing).isEmpty();
        for (String path : records()) {
            assertThat(given().auth().oauth2(ownerHq).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldRevealNothingToAnotherTenant() {
        expectNothingRevealed(TestTenant.create(DevStack.shared()).hqToken("admin", "manager", "agent"));
    }

    @Test
    void shouldRevealNothingToAnotherUnit() {
        expectNothingRevealed(owner.unitToken("munich", "admin", "manager", "agent"));
    }

    @Test
    void shouldRefuseEveryOperationWithoutTokenOrRole() {
        String noRole = owner.hqToken();
        List<String> wrong = new ArrayList<>();
        for (String path : concat(collections(), records())) {
            Response anonymous = given().when().get(path);
            if (anonymous.statusCode() != 401 || !anonymous.contentType().startsWith("application/problem+json")) {
                wrong.add("no token " + path + ": " + anonymous.statusCode());
            }
            Response roleless = given().auth().oauth2(noRole).when().get(path);
            if (roleless.statusCode() != 403 || !roleless.contentType().startsWith("application/problem+json")) {
                wrong.add("no role " + path + ": " + roleless.statusCode());
            }
        }
        Response create = given().contentType("application/json").body("{\"name\": \"x\"}")
                .when().post("/api/v1/analytics/segments");
        if (create.statusCode() != 401) {
            wrong.add("no token POST segments: " + create.statusCode());
        }
        assertThat(wrong).isEmpty();
    }

    private static void expectNothingRevealed(String token) {
        List<String> leaks = new ArrayList<>();
        for (String path : collections()) {
            Response response = given().auth().oauth2(token).when().get(path);
            if (response.statusCode() != 200 || response.asString().contains(marker)) {
                leaks.add(path + " answered " + response.statusCode() + " " + response.asString());
            }
        }
        for (String path : records()) {
            Response response = given().auth().oauth2(token).when().get(path);
            if (response.statusCode() != 404 || response.asString().contains(marker)) {
                leaks.add(path + " answered " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(leaks).as("operations that revealed Hamburg's data").isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
