package crm.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import crm.devstack.CrmService;
import crm.devstack.TestTenant;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The chain through the one door: gateway, Keycloak tokens, contacts-service, outbox, Kafka, analytics. */
class WalkingSkeletonJourneyTests {

    static String createContact(String token, String body) {
        return Crm.gateway(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    static int contactCount(String token) {
        return Crm.gateway(token).when().get("/api/v1/analytics/contacts/count")
                .then().statusCode(200).extract().path("contacts");
    }

    @Test
    void shouldCreateAndReadContactThroughTheGatewayAndHideItFromOtherTenants() {
        String tenantA = Crm.newTenant().hqToken("agent");
        String tenantB = Crm.newTenant().hqToken("admin");

        String location = Crm.gateway(tenantA).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Jana\",\"lastName\":\"Schulz\",\"email\":\"jana@example.com\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", startsWith(Crm.system().url(CrmService.GATEWAY) + "/api/v1/contacts/"))
                .extract().header("Location");
        String path = location.substring(Crm.system().url(CrmService.GATEWAY).length());

        Crm.gateway(tenantA).when().get(path).then().statusCode(200).body("lastName", equalTo("Schulz"));
        Crm.gateway(tenantB).when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldShowFranchiseeOnlyItsUnitWhileHeadquartersSeesAll() {
        TestTenant tenant = Crm.newTenant();
        String unit1 = tenant.unitToken("hamburg", "agent");
        String unit2 = tenant.unitToken("munich", "agent");
        String hq = tenant.hqToken("manager");
        String id = createContact(unit2, "{\"firstName\":\"Sepp\",\"lastName\":\"Huber\"}");

        Crm.gateway(unit1).when().get("/api/v1/contacts/" + id).then().statusCode(404);
        Crm.gateway(hq).when().get("/api/v1/contacts/" + id).then().statusCode(200);
    }

    @Test
    void shouldAnswer401And403And400AsProblems() {
        String noRole = Crm.newTenant().hqToken();
        String agent = Crm.newTenant().hqToken("agent");

        Crm.gateway().when().get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
        Crm.gateway(noRole).when().get("/api/v1/contacts").then().statusCode(403).contentType("application/problem+json");
        Crm.gateway(agent).contentType(ContentType.JSON).body("{\"firstName\":\"Jana\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lastName"));
    }

    @Test
    void shouldCountNewContactInAnalyticsOfItsTenantOnly() {
        String tenantA = Crm.newTenant().hqToken("agent", "manager");
        String tenantB = Crm.newTenant().hqToken("manager");
        int before = contactCount(tenantA);

        createContact(tenantA, "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> contactCount(tenantA) == before + 1);
        // A second contact proves the first was counted once, not that counting had not finished yet.
        createContact(tenantA, "{\"firstName\":\"Ida\",\"lastName\":\"Hansen\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> contactCount(tenantA) == before + 2);
        Crm.gateway(tenantB).when().get("/api/v1/analytics/contacts/count").then().body("contacts", equalTo(0));
    }
}
