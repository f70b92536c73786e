package crm.leads.rest;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadCaptureTests {

    static final String JANA = """
            {"salutation":"Frau","firstName":"Jana","lastName":"Schulz","email":"Jana.Schulz@Example.com",
             "phone":"0170 1234567","companyName":"Velo Logistik GmbH","companySize":"50-249","postalCode":"20095",
             "city":"Hamburg","countryCode":"de","channel":"trade_fair","productsOfInterest":["EB-CARGO-500"],
             "consent":{"given":true,"wording":"Veloce may contact me","wordingVersion":"2026-01"}}""";

    @Test
    void shouldCaptureLeadAndReadItBackWithScoreAndSpeedToLeadClock() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        String location = post(token, "/api/v1/leads", JANA).statusCode(201)
                .header("ETag", "\"1\"").extract().header("Location");

        get(token, location).statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("new"))
                .body("email", equalTo("jana.schulz@example.com"))
                .body("countryCode", equalTo("DE"))
                .body("channel", equalTo("trade_fair"))
                .body("queue", equalTo("hq"))
                .body("routingReason", containsString("no territory for postal code 20095"))
                .body("score", equalTo(20))
                .body("scoreExplanation.rule", hasItem("engagement.recency"))
                .body("sla.minutes", equalTo(60))
                .body("sla.dueAt", notNullValue())
                .body("consent.given", equalTo(true))
                .body("consent.wordingVersion", equalTo("2026-01"))
                .body("upsell", equalTo(false));
    }

    @Test
    void shouldAttachCaptureWithTheSameEmailToTheOpenLead() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, JANA);

        ExtractableResponse<Response> again = post(token, "/api/v1/leads", """
                {"lastName":"Schulz","email":"jana.schulz@example.com","channel":"website",
                 "productsOfInterest":["EB-TOUR-300"],"message":"Do you also lease?"}""").statusCode(200).extract();

        assertThat(again.<String>path("id")).isEqualTo(id);
        assertThat(again.header("Location")).endsWith("/api/v1/leads/" + id);
        get(token, "/api/v1/leads/" + id).statusCode(200)
                .body("channel", equalTo("trade_fair"))
                .body("productsOfInterest", equalTo(java.util.List.of("EB-CARGO-500", "EB-TOUR-300")))
                .body("message", equalTo("Do you also lease?"))
                .body("version", equalTo(2));
        get(token, "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items.kind", hasItems("capture", "capture_attached"));
        get(token, "/api/v1/leads").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldAttachByPhoneWrittenDifferently() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, "{\"lastName\":\"Hansen\",\"phone\":\"040 5550102\",\"channel\":\"cold_call\"}");

        String again = post(token, "/api/v1/leads", "{\"lastName\":\"Hansen\",\"phone\":\"+49 (0)40 555 01 02\","
                + "\"channel\":\"event\"}").statusCode(200).extract().path("id");

        assertThat(again).isEqualTo(id);
    }

    @Test
    void shouldCreateSecondLeadWhenTheFirstIsNoLongerOpen() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String first = createLead(token, JANA);
        post(token, "/api/v1/leads/" + first + "/disqualify", "{\"reason\":\"Duplicate of a customer\"}").statusCode(200);

        String second = createLead(token, JANA);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldLetAnIntegrationClientCaptureLeads() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String shop = tenant.hqToken("integration");

        String id = createLead(shop, "{\"lastName\":\"Berg\",\"email\":\"berg@example.com\",\"channel\":\"website\"}");

        get(tenant.hqToken("agent"), "/api/v1/leads/" + id).statusCode(200).body("lastName", equalTo("Berg"));
    }

    @Test
    void shouldAnswer404ForAnotherTenantsLead() {
        String id = createLead(TestTenant.create(DevStack.shared()).hqToken("agent"), JANA);
        String otherTenant = TestTenant.create(DevStack.shared()).hqToken("admin");

        get(otherTenant, "/api/v1/leads/" + id).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(otherTenant).contentType(crm.leads.support.Api.MERGE_PATCH).body("{\"city\":\"Kiel\"}")
                .when().patch("/api/v1/leads/" + id).then().statusCode(404);
        post(otherTenant, "/api/v1/leads/" + id + "/contact", "{}").statusCode(404);
        get(otherTenant, "/api/v1/leads/" + id + "/activities").statusCode(404);
        get(otherTenant, "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldKeepUnitsApartWhileHeadquartersSeesAll() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");
        String munich = tenant.unitToken("munich", "agent");
        String hq = tenant.hqToken("manager");
        String id = createLead(munich, "{\"lastName\":\"Huber\",\"email\":\"huber@example.com\",\"channel\":\"referral\"}");

        get(munich, "/api/v1/leads/" + id).statusCode(200).body("unitId", equalTo(tenant.unit("munich")))
                .body("queue", equalTo("unit")).body("routingReason", containsString("unit set at capture"));
        get(hamburg, "/api/v1/leads/" + id).statusCode(404);
        post(hamburg, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"note\",\"note\":\"x\"}").statusCode(404);
        get(hamburg, "/api/v1/leads").statusCode(200).body("items", hasSize(0));
        get(hq, "/api/v1/leads/" + id).statusCode(200);
    }

    @Test
    void shouldNotAttachACaptureToAnotherUnitsLead() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String munichLead = createLead(tenant.unitToken("munich", "agent"), JANA);

        String hamburgLead = createLead(tenant.unitToken("hamburg", "agent"), JANA);

        assertThat(hamburgLead).isNotEqualTo(munichLead);
    }

    @Test
    void shouldRefuseFranchiseeCapturingInAnotherUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());

        post(tenant.unitToken("hamburg", "agent"), "/api/v1/leads", "{\"lastName\":\"A\",\"email\":\"a@example.com\","
                + "\"channel\":\"other\",\"unitId\":\"" + tenant.unit("munich") + "\"}")
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldLetHeadquartersPlaceALeadInAUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");

        String id = createLead(hq, "{\"lastName\":\"A\",\"email\":\"a@example.com\",\"channel\":\"other\",\"unitId\":\""
                + tenant.unit("munich") + "\"}");

        get(tenant.unitToken("munich", "agent"), "/api/v1/leads/" + id).statusCode(200);
    }

    @Test
    void shouldIgnoreServiceFieldsInTheBody() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");

        String id = createLead(token, "{\"lastName\":\"Wolf\",\"email\":\"wolf@example.com\",\"channel\":\"other\","
                + "\"id\":\"00000000-0000-0000-0000-000000000001\",\"tenantId\":\"x\",\"status\":\"converted\","
                + "\"score\":99,\"ownerId\":\"someone\",\"version\":7}");

        get(token, "/api/v1/leads/" + id).statusCode(200).body("status", equalTo("new")).body("version", equalTo(1))
                .body("ownerId", nullValue()).body("score", equalTo(20));
    }

    @Test
    void shouldNameTheInvalidFields() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        post(token, "/api/v1/leads", "{\"lastName\":\"A\",\"email\":\"a@example.com\"}")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("channel"));
        post(token, "/api/v1/leads", "{\"firstName\":\"A\",\"channel\":\"website\"}")
                .statusCode(400).body("errors.field", hasItems("lastName", "email"));
        post(token, "/api/v1/leads", "{\"lastName\":\"A\",\"phone\":\"call me\",\"channel\":\"website\"}")
                .statusCode(400).body("errors.field", hasItem("phone"));
        post(token, "/api/v1/leads", "{\"lastName\":\"A\",\"email\":\"a@example.com\",\"channel\":\"fax\"}")
                .statusCode(400).body("errors.field", hasItem("channel"));
        post(token, "/api/v1/leads", "{\"lastName\":\"" + "x".repeat(101) + "\",\"email\":\"a@example.com\",\"channel\":\"website\"}")
                .statusCode(400).body("errors.field", hasItem("lastName"));
        post(token, "/api/v1/leads", "{\"lastName\":\"A\",\"email\":\"a@example.com\",\"channel\":\"website\",\"countryCode\":\"XX\"}")
                .statusCode(400).body("errors.field", hasItem("countryCode"));
        post(token, "/api/v1/leads", "{not json").statusCode(400).contentType("application/problem+json");
        post(token, "/api/v1/leads", "[]").statusCode(400).contentType("application/problem+json");
        get(token, "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRequireATokenAndACrmRole() {
        given().contentType(ContentType.JSON).body(JANA).when().post("/api/v1/leads")
                .then().statusCode(401).contentType("application/problem+json");
        get(TestTenant.create(DevStack.shared()).hqToken(), "/api/v1/leads").statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKey() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(JANA).when().post("/api/v1/leads").then().extract();
        ExtractableResponse<Response> repeat = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(JANA).when().post("/api/v1/leads").then().extract();
        ExtractableResponse<Response> reuse = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body("{\"lastName\":\"Other\",\"email\":\"o@example.com\","
                        + "\"channel\":\"website\"}").when().post("/api/v1/leads").then().extract();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reuse.statusCode()).isEqualTo(422);
        get(token, "/api/v1/leads/" + first.path("id")).statusCode(200).body("version", equalTo(1));
    }
}
