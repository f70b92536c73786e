package crm.leads.rest;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static crm.leads.support.Api.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadWorkflowTests {

    static final String LEAD = "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\",\"email\":\"ole@example.com\",\"channel\":\"website\"}";

    @Test
    void shouldWalkANewLeadToConverted() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        post(token, "/api/v1/leads/" + id + "/contact", "{\"note\":\"Reached him\"}").statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("contacted"))
                .body("sla.firstContactAt", notNullValue()).body("sla.state", equalTo("met"));
        post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200).body("status", equalTo("qualified"));
        post(token, "/api/v1/leads/" + id + "/convert", "{\"openOpportunity\":false}").statusCode(200)
                .body("status", equalTo("converted")).body("convertedAt", notNullValue())
                .body("opportunityId", nullValue());

        get(token, "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items.findAll { it.kind == 'status_changed' }.outcome",
                        equalTo(java.util.List.of("contacted", "qualified", "converted")));
    }

    @Test
    void shouldAcceptWorkflowStepsWithoutABody() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        given().auth().oauth2(token).contentType(ContentType.JSON).when().post("/api/v1/leads/" + id + "/contact")
                .then().statusCode(200).body("status", equalTo("contacted"));
    }

    @Test
    void shouldOpenAnOpportunityWithTheConversionWhenAsked() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);
        post(token, "/api/v1/leads/" + id + "/contact", "{}").statusCode(200);
        post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200);

        post(token, "/api/v1/leads/" + id + "/convert", "{\"openOpportunity\":true,\"opportunity\":{\"name\":\"Fleet\","
                + "\"amount\":54000.00,\"currency\":\"EUR\",\"expectedCloseOn\":\"2027-01-31\"}}")
                .statusCode(200).body("opportunityId", notNullValue());
    }

    @Test
    void shouldRefuseInvalidStepsWith409() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed next: contacted, disqualified, nurture"));
        post(token, "/api/v1/leads/" + id + "/convert", "{}").statusCode(409);
        post(token, "/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"Spam\"}").statusCode(200)
                .body("status", equalTo("disqualified")).body("statusReason", equalTo("Spam"))
                .body("sla.state", equalTo("stopped"));
        post(token, "/api/v1/leads/" + id + "/contact", "{}").statusCode(409)
                .body("detail", containsString("final status"));
        post(token, "/api/v1/leads/" + id + "/reassign", "{\"reason\":\"x\",\"queue\":\"hq\"}").statusCode(403);
        get(token, "/api/v1/leads/" + id).statusCode(200).body("status", equalTo("disqualified"));
    }

    @TestHTTPResource("/api/v1/leads/")
    URI leads;

    @Test
    void shouldTakeAStepSentWithoutBodyOrContentTypeAsAnEmptyOne() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        // As most HTTP clients send a POST without a body: no Content-Type, Content-Length 0.
        assertThat(postWithoutBody(token, id + "/contact")).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(new JsonPath(answer.body()).getString("status")).isEqualTo("contacted");
        });
        assertThat(postWithoutBody(token, id + "/qualify").statusCode()).isEqualTo(200);
        // A step that needs a body is refused as a bad request, not for the media type.
        HttpResponse<String> disqualify = postWithoutBody(token, id + "/disqualify");
        assertThat(disqualify.statusCode()).isEqualTo(400);
        assertThat(disqualify.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // A body still needs its media type.
        given().auth().oauth2(token).contentType("text/plain").body("{}").when()
                .post("/api/v1/leads/" + id + "/disqualify").then().statusCode(415)
                .contentType("application/problem+json");
        get(token, "/api/v1/leads/" + id).statusCode(200).body("status", equalTo("qualified"));
    }

    private HttpResponse<String> postWithoutBody(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(leads.resolve(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRequireAReasonToDisqualifyAndAFutureDateToNurture() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        post(token, "/api/v1/leads/" + id + "/disqualify", "{}").statusCode(400).body("errors.field", hasItem("reason"));
        post(token, "/api/v1/leads/" + id + "/nurture", "{\"until\":\"2020-01-01\"}").statusCode(400)
                .body("errors.field", hasItem("until"));
        post(token, "/api/v1/leads/" + id + "/nurture", "{\"until\":\"soon\"}").statusCode(400)
                .body("errors.field", hasItem("until"));
        String until = LocalDate.now().plusMonths(3).toString();
        post(token, "/api/v1/leads/" + id + "/nurture", "{\"until\":\"" + until + "\",\"reason\":\"After winter\"}")
                .statusCode(200).body("status", equalTo("nurture")).body("nurtureUntil", equalTo(until));
        post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200).body("nurtureUntil", nullValue());
    }

    @Test
    void shouldRefuseAStepBasedOnAStaleVersion() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"note\",\"note\":\"first\"}").statusCode(201);
        Api.patch(token, "/api/v1/leads/" + id, "\"1\"", "{\"city\":\"Kiel\"}").statusCode(200).header("ETag", "\"2\"");

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}")
                .when().post("/api/v1/leads/" + id + "/contact").then().statusCode(412)
                .contentType("application/problem+json");
        Api.patch(token, "/api/v1/leads/" + id, "\"1\"", "{\"city\":\"Lübeck\"}").statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{}")
                .when().post("/api/v1/leads/" + id + "/contact").then().statusCode(200);
        get(token, "/api/v1/leads/" + id).statusCode(200).body("city", equalTo("Kiel"));
    }

    @Test
    void shouldPatchDetailsRescoreAndRefuseBadValues() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        Api.put(admin, "/api/v1/leads/config/scoring", null, "{\"fit\":{\"companySizes\":[{\"size\":\"250-999\","
                + "\"points\":15}],\"maxProductPoints\":30},\"engagement\":{\"pointsPerActivity\":5,\"maxActivityPoints\":20,"
                + "\"pointsPerFormFill\":10,\"maxFormFillPoints\":30,\"recencyPoints\":20,\"halfLifeDays\":14}}")
                .statusCode(200);
        String token = tenant.hqToken("agent");
        String id = createLead(token, LEAD);

        Api.patch(token, "/api/v1/leads/" + id, null, "{\"companySize\":\"250-999\",\"companyName\":\"Hansen AG\"}")
                .statusCode(200).body("score", equalTo(35)).body("scoreExplanation.rule", hasItem("fit.companySize"));
        Api.patch(token, "/api/v1/leads/" + id, null, "{\"email\":null}").statusCode(400)
                .body("errors.field", hasItem("email"));
        Api.patch(token, "/api/v1/leads/" + id, null, "{\"companySize\":\"huge\"}").statusCode(400)
                .body("errors.field", hasItem("companySize"));
        Api.patch(token, "/api/v1/leads/" + id, null, "{\"status\":\"converted\",\"ownerId\":\"me\"}").statusCode(200)
                .body("status", equalTo("new")).body("ownerId", nullValue());
        Api.patch(token, "/api/v1/leads/" + id, null, "[1]").statusCode(400);
    }

    @Test
    void shouldLogActivitiesAndTakeAContactAttemptAsFirstContact() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"note\",\"note\":\"Looked him up\"}")
                .statusCode(201).body("kind", equalTo("note"));
        get(token, "/api/v1/leads/" + id).statusCode(200).body("sla.firstContactAt", nullValue());
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"call_attempt\",\"outcome\":\"no answer\"}")
                .statusCode(201).body("authorId", equalTo(subject(token)));
        get(token, "/api/v1/leads/" + id).statusCode(200).body("status", equalTo("new"))
                .body("sla.firstContactAt", notNullValue()).body("sla.state", equalTo("met"));
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"call\",\"outcome\":\"reached\"}").statusCode(201);
        get(token, "/api/v1/leads/" + id).statusCode(200).body("scoreExplanation.rule", hasItem("engagement.conversations"));
        get(token, "/api/v1/leads/" + id + "/activities?limit=2").statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue());
        get(token, "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items.kind", hasItems("capture", "note", "call_attempt", "call"));
    }

    @Test
    void shouldRefuseActivitiesTheServiceWritesItselfOrFromTheFuture() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = createLead(token, LEAD);

        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"sla_breached\"}").statusCode(400)
                .body("errors.field", hasItem("kind"));
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"gossip\"}").statusCode(400)
                .body("errors.field", hasItem("kind"));
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"call\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        post(token, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"note\",\"note\":\"" + "x".repeat(5001) + "\"}")
                .statusCode(400).body("errors.field", hasItem("note"));
    }

    @Test
    void shouldLetAManagerReassignWithinTheUnitAndHeadquartersAnywhere() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String manager = tenant.unitToken("hamburg", "manager");
        String hq = tenant.hqToken("manager");
        String id = createLead(tenant.unitToken("hamburg", "agent"), LEAD);

        post(manager, "/api/v1/leads/" + id + "/reassign", "{\"ownerId\":\"rep-7\",\"reason\":\"Speaks Danish\"}")
                .statusCode(200).body("ownerId", equalTo("rep-7")).body("queue", equalTo("unit"))
                .body("routingReason", containsString("Speaks Danish"));
        post(manager, "/api/v1/leads/" + id + "/reassign", "{\"unitId\":\"" + tenant.unit("munich")
                + "\",\"reason\":\"Moved\"}").statusCode(403);
        post(manager, "/api/v1/leads/" + id + "/reassign", "{\"queue\":\"hq\",\"reason\":\"Key account\"}").statusCode(403);
        post(tenant.unitToken("hamburg", "agent"), "/api/v1/leads/" + id + "/reassign", "{\"reason\":\"x\"}").statusCode(403);
        post(manager, "/api/v1/leads/" + id + "/reassign", "{\"ownerId\":\"rep-8\"}").statusCode(400)
                .body("errors.field", hasItem("reason"));

        post(hq, "/api/v1/leads/" + id + "/reassign", "{\"unitId\":\"" + tenant.unit("munich") + "\",\"reason\":\"Moved\"}")
                .statusCode(200).body("unitId", equalTo(tenant.unit("munich"))).body("ownerId", nullValue());
        get(manager, "/api/v1/leads/" + id).statusCode(404);
        get(tenant.unitToken("munich", "agent"), "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items.kind", hasItems("capture", "assigned"));
        post(hq, "/api/v1/leads/" + id + "/reassign", "{\"queue\":\"hq\",\"reason\":\"Key account\"}").statusCode(200)
                .body("unitId", nullValue()).body("queue", equalTo("hq"));
        get(hq, "/api/v1/leads?view=hq-queue").statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void shouldListMyLeadsAndKeepViewsForSupervisors() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String hq = tenant.hqToken("manager");
        String mine = createLead(agent, LEAD);
        String other = createLead(agent, "{\"lastName\":\"Berg\",\"email\":\"berg@example.com\",\"channel\":\"event\"}");
        post(hq, "/api/v1/leads/" + mine + "/reassign", "{\"unitId\":\"" + tenant.unit("x") + "\",\"ownerId\":\""
                + subject(agent) + "\",\"reason\":\"Yours\"}").statusCode(200);

        get(agent, "/api/v1/leads?view=mine").statusCode(200).body("items.id", equalTo(java.util.List.of(mine)));
        get(agent, "/api/v1/leads?view=at-risk").statusCode(403).contentType("application/problem+json");
        get(agent, "/api/v1/leads?view=someday").statusCode(400).body("errors.field", hasItem("view"));
        get(hq, "/api/v1/leads?view=hq-queue").statusCode(200).body("items.id", equalTo(java.util.List.of(other)));
        get(hq, "/api/v1/leads?channel=event").statusCode(200).body("items.id", equalTo(java.util.List.of(other)));
        get(hq, "/api/v1/leads?status=new&status=contacted").statusCode(200).body("items", hasSize(2));
        get(hq, "/api/v1/leads?status=won").statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void shouldPageByCursorAndSyncByUpdatedSince() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        for (int i = 0; i < 3; i++) {
            createLead(token, "{\"lastName\":\"P" + i + "\",\"email\":\"p" + i + "@example.com\",\"channel\":\"event\"}");
        }

        String cursor = get(token, "/api/v1/leads?limit=2").statusCode(200).body("items", hasSize(2))
                .extract().path("nextCursor");
        get(token, "/api/v1/leads?limit=2&cursor=" + cursor).statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());
        get(token, "/api/v1/leads?updatedSince=2999-01-01T00:00:00Z").statusCode(200).body("items", hasSize(0));
        get(token, "/api/v1/leads?updatedSince=2000-01-01T00:00:00Z").statusCode(200).body("items.size()", greaterThan(2));
        get(token, "/api/v1/leads?updatedSince=yesterday").statusCode(400).body("errors.field", hasItem("updatedSince"));
        get(token, "/api/v1/leads?limit=500").statusCode(400).body("errors.field", hasItem("limit"));
        get(token, "/api/v1/leads?cursor=not-ours").statusCode(400).body("errors.field", hasItem("cursor"));
        get(token, "/api/v1/leads?contactId=x").statusCode(400).body("errors.field", hasItem("contactId"));
    }
}
