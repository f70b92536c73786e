package crm.tickets.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TicketResourceTests {

    @Test
    void shouldOpenATicketAndReadItBack() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        ExtractableResponse<Response> created = Api.post(token, "/api/v1/tickets", """
                {"subject":" Akku lädt nicht ","description":"Fehler E42","channel":"phone","category":"Battery",
                 "priority":"high","tags":["E-Bike","Garantie"],"customFields":{"serialNumber":"VB-1","frameSize":54},
                 "watchers":["hq-lead"],"requesterEmail":"jana@example.com"}""")
                .statusCode(201).header("ETag", "\"1\"").extract();

        given().auth().oauth2(token).when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("subject", equalTo("Akku lädt nicht"))
                .body("number", equalTo(1))
                .body("status", equalTo("new"))
                .body("category", equalTo("battery"))
                .body("priority", equalTo("high"))
                .body("tags", containsInAnyOrder("e-bike", "garantie"))
                .body("customFields.frameSize", equalTo(54))
                .body("watchers", hasItem("hq-lead"))
                .body("customerTier", equalTo("standard"))
                .body("contactVerified", equalTo(false))
                .body("queueId", notNullValue())
                .body("sla.policy", equalTo("high"))
                .body("sla.firstResponseTargetMinutes", equalTo(60))
                .body("sla.clockRunning", equalTo(true))
                .body("sla.firstResponseDueAt", notNullValue());
    }

    @Test
    void shouldNumberTicketsPerTenant() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        Api.openTicket(token, "first", null);

        String second = Api.openTicket(token, "second", null);

        Api.get(token, "/api/v1/tickets/" + second).statusCode(200).body("number", equalTo(2));
        String other = Api.openTicket(TestTenant.create(DevStack.shared()).hqToken("agent"), "elsewhere", null);
        Api.get(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/tickets/" + other).statusCode(404);
    }

    @Test
    void shouldAnswer404ForAnotherTenantsTicketOnEveryOperation() {
        String id = Api.openTicket(TestTenant.create(DevStack.shared()).hqToken("agent"), "mine", null);
        String other = TestTenant.create(DevStack.shared()).hqToken("admin", "manager", "agent");
        String path = "/api/v1/tickets/" + id;

        Api.get(other, path).statusCode(404).contentType("application/problem+json");
        Api.patch(other, path, null, "{\"subject\":\"x\"}").statusCode(404);
        Api.post(other, path + "/status", "{\"status\":\"open\"}").statusCode(404);
        Api.post(other, path + "/assign", "{\"assigneeId\":\"x\"}").statusCode(404);
        Api.post(other, path + "/reopen", "{}").statusCode(404);
        Api.post(other, path + "/rating", "{\"rating\":5}").statusCode(404);
        Api.get(other, path + "/comments").statusCode(404);
        Api.post(other, path + "/comments", "{\"body\":\"hi\"}").statusCode(404);
        Api.get(other, path + "/attachments").statusCode(404);
        Api.post(other, path + "/attachments", "{\"name\":\"a.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":1}")
                .statusCode(404);
        Api.get(other, path + "/suggested-articles").statusCode(404);
        Api.post(other, path + "/solved-by", "{\"articleIds\":[\"" + UUID.randomUUID() + "\"]}").statusCode(404);
    }

    @Test
    void shouldKeepUnitsApartWhileHeadquartersSeesAll() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent", "manager");
        String munich = tenant.unitToken("munich", "agent");
        String hq = tenant.hqToken("manager");
        String id = Api.openTicket(munich, "Sattel locker", null);
        String path = "/api/v1/tickets/" + id;

        Api.get(hamburg, path).statusCode(404);
        Api.post(hamburg, path + "/comments", "{\"body\":\"hi\"}").statusCode(404);
        Api.post(hamburg, path + "/status", "{\"status\":\"open\"}").statusCode(404);
        Api.get(hamburg, "/api/v1/tickets").statusCode(200).body("items", hasSize(0));
        Api.get(hq, path).statusCode(200).body("unitId", equalTo(tenant.unit("munich")));
        Api.get(hq, "/api/v1/tickets").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseFranchiseeOpeningInAnotherUnitButLetHeadquartersChoose() {
        TestTenant tenant = TestTenant.create(DevStack.shared());

        Api.post(tenant.unitToken("hamburg", "agent"), "/api/v1/tickets", "{\"subject\":\"s\",\"channel\":\"web\","
                + "\"unitId\":\"" + tenant.unit("munich") + "\"}").statusCode(403).contentType("application/problem+json");
        String id = Api.create(tenant.hqToken("agent"), "/api/v1/tickets", "{\"subject\":\"s\",\"channel\":\"web\","
                + "\"unitId\":\"" + tenant.unit("munich") + "\"}");
        Api.get(tenant.unitToken("munich", "agent"), "/api/v1/tickets/" + id).statusCode(200);
    }

    @Test
    void shouldIgnoreWhatTheWorkflowDecides() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        String id = Api.create(token, "/api/v1/tickets", "{\"subject\":\"s\",\"channel\":\"web\",\"status\":\"closed\","
                + "\"tenantId\":\"other\",\"id\":\"00000000-0000-0000-0000-000000000001\",\"version\":7,"
                + "\"assigneeId\":\"me\",\"customerTier\":\"platinum\",\"number\":99}");

        Api.get(token, "/api/v1/tickets/" + id).statusCode(200)
                .body("status", equalTo("new")).body("version", equalTo(1)).body("number", equalTo(1))
                .body("assigneeId", nullValue()).body("customerTier", equalTo("standard"));
    }

    @Test
    void shouldNameTheInvalidFields() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        Api.post(token, "/api/v1/tickets", "{\"subject\":\" \",\"channel\":\"fax\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("channel"));
        Api.post(token, "/api/v1/tickets", "{\"channel\":\"web\",\"requesterEmail\":\"no-mail\"}")
                .statusCode(400).body("errors.field", containsInAnyOrder("requesterEmail", "subject"));
        Api.post(token, "/api/v1/tickets", "{\"subject\":\"s\",\"channel\":\"web\",\"customFields\":{\"a\":{\"b\":1}}}")
                .statusCode(400).body("errors[0].field", equalTo("customFields.a"));
        Api.post(token, "/api/v1/tickets", "{\"subject\":\"" + "x".repeat(201) + "\",\"channel\":\"web\"}")
                .statusCode(400).body("errors[0].field", equalTo("subject"));
        Api.post(token, "/api/v1/tickets", "{\"subject\":\"s\",\"channel\":\"web\",\"tags\":[\"-bad\"]}")
                .statusCode(400).body("errors[0].field", equalTo("tags"));
        Api.post(token, "/api/v1/tickets", "{\"subject\":").statusCode(400).contentType("application/problem+json");
        Api.post(token, "/api/v1/tickets", "").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRequireATokenAndAStaffRole() {
        given().when().get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String noRole = TestTenant.create(DevStack.shared()).hqToken();
        Api.get(noRole, "/api/v1/tickets").statusCode(403).contentType("application/problem+json");
        String integration = TestTenant.create(DevStack.shared()).hqToken("integration");
        String id = Api.openTicket(integration, "from the shop portal", "\"channel\":\"portal\"");
        Api.post(integration, "/api/v1/tickets/" + id + "/status", "{\"status\":\"open\"}").statusCode(403);
    }

    @Test
    void shouldPatchWithIfMatchAndRefuseALostUpdate() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/tickets/" + Api.openTicket(token, "Kette springt", null);

        Api.patch(token, path, "\"1\"", "{\"priority\":\"urgent\",\"tags\":[\"vip\"],\"description\":null}")
                .statusCode(200).header("ETag", "\"2\"")
                .body("priority", equalTo("urgent")).body("tags", containsInAnyOrder("vip"));
        Api.patch(token, path, "\"1\"", "{\"subject\":\"late\"}")
                .statusCode(412).contentType("application/problem+json");
        Api.patch(token, path, "\"2\"", "{\"channel\":\"fax\"}").statusCode(400).body("errors[0].field", equalTo("channel"));
        Api.patch(token, path, null, "{\"status\":\"closed\"}").statusCode(200).body("status", equalTo("new"));
        Api.get(token, path).statusCode(200).body("subject", equalTo("Kette springt")).body("version", equalTo(2));
    }

    @Test
    void shouldReplayAnIdempotentOpeningInsteadOfOpeningTwice() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = UUID.randomUUID().toString();
        String body = "{\"subject\":\"Licht defekt\",\"channel\":\"web\"}";

        ExtractableResponse<Response> first = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets").then().extract();
        ExtractableResponse<Response> repeat = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets").then().extract();
        ExtractableResponse<Response> reuse = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body("{\"subject\":\"other\",\"channel\":\"web\"}")
                .when().post("/api/v1/tickets").then().extract();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reuse.statusCode()).isEqualTo(422);
        Api.get(token, "/api/v1/tickets").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldListByContactOpenTicketsForTheCustomerOverview() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = UUID.randomUUID().toString();
        String open = Api.openTicket(token, "offen", "\"contactId\":\"" + contact + "\"");
        String waiting = Api.openTicket(token, "wartet", "\"contactId\":\"" + contact + "\"");
        String done = Api.openTicket(token, "erledigt", "\"contactId\":\"" + contact + "\"");
        Api.openTicket(token, "someone else", "\"contactId\":\"" + UUID.randomUUID() + "\"");
        Api.post(token, "/api/v1/tickets/" + waiting + "/status", "{\"status\":\"pending_customer\"}").statusCode(200);
        Api.post(token, "/api/v1/tickets/" + done + "/status", "{\"status\":\"resolved\"}").statusCode(200);

        Api.get(token, "/api/v1/tickets?contactId=" + contact + "&status=open").statusCode(200)
                .body("items.id", containsInAnyOrder(open, waiting));
        Api.get(token, "/api/v1/tickets?contactId=" + contact + "&status=resolved").statusCode(200)
                .body("items.id", containsInAnyOrder(done));
        Api.get(token, "/api/v1/tickets?contactId=" + contact).statusCode(200).body("items", hasSize(3));
        Api.get(token, "/api/v1/tickets?contactId=nope").statusCode(400).body("errors[0].field", equalTo("contactId"));
        Api.get(token, "/api/v1/tickets?status=waiting").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldPageByCursorAndDeliverOnlyChangesSinceASync() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String a = Api.openTicket(token, "a", null);
        String b = Api.openTicket(token, "b", null);
        String c = Api.openTicket(token, "c", null);

        ExtractableResponse<Response> first = Api.get(token, "/api/v1/tickets?limit=2").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(a, b)).extract();
        Api.get(token, "/api/v1/tickets?limit=2&cursor=" + first.path("nextCursor")).statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(c)).body("nextCursor", nullValue());

        String since = Api.get(token, "/api/v1/tickets/" + c).extract().path("updatedAt");
        Api.patch(token, "/api/v1/tickets/" + a, null, "{\"subject\":\"a2\"}").statusCode(200);
        Api.get(token, "/api/v1/tickets?updatedSince=" + since).statusCode(200)
                .body("items.id", containsInAnyOrder(a, c));
        Api.get(token, "/api/v1/tickets?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
        Api.get(token, "/api/v1/tickets?limit=201").statusCode(400);
        Api.get(token, "/api/v1/tickets?cursor=not-a-cursor!").statusCode(400).body("errors[0].field", equalTo("cursor"));
        Api.get(token, "/api/v1/tickets?updatedSince=yesterday").statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void shouldListMyTicketsAndAQueuesTickets() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        String agentId = subjectOf(agent);
        String queue = Api.createQueue(admin, "Service", "round_robin", "[{\"agentId\":\"" + agentId + "\"}]");
        Api.routingRules(admin, "[{\"name\":\"all\",\"queueId\":\"" + queue + "\"}]");
        String mine = Api.openTicket(agent, "mine", null);
        Api.routingRules(admin, "[]");
        String unrouted = Api.openTicket(agent, "default queue", null);

        Api.get(agent, "/api/v1/tickets?view=mine").statusCode(200).body("items.id", containsInAnyOrder(mine));
        Api.get(agent, "/api/v1/tickets?view=queue&queueId=" + queue).statusCode(200)
                .body("items.id", containsInAnyOrder(mine));
        Api.get(agent, "/api/v1/tickets?view=queue").statusCode(400).body("errors[0].field", equalTo("queueId"));
        Api.get(agent, "/api/v1/tickets/" + unrouted).statusCode(200).body("assigneeId", nullValue());
        Api.get(agent, "/api/v1/tickets?view=at-risk").statusCode(403);
        Api.get(agent, "/api/v1/tickets?view=everything").statusCode(400).body("errors[0].field", equalTo("view"));
    }

    /** The token's subject (the user id the service records), read from the JWT payload. */
    static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString("sub");
    }
}
