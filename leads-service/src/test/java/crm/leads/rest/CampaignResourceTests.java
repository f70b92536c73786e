package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.patch;
import static crm.leads.support.SalesApi.post;
import static crm.leads.support.SalesApi.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class CampaignResourceTests {

    private static final String SPRING = """
            {"name":" Spring test days ","channel":"event","startsOn":"2026-04-01","endsOn":"2026-04-30",
             "budget":12000,"currency":"EUR"}""";

    @Test
    void shouldCreateReadAndChangeCampaignsWithOptimisticLocking() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("manager");

        String location = post(hq, "/api/v1/campaigns", SPRING).statusCode(201).header("ETag", "\"1\"")
                .extract().header("Location");
        get(hq, location).statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Spring test days"))
                .body("channel", equalTo("event"))
                .body("startsOn", equalTo("2026-04-01"))
                .body("endsOn", equalTo("2026-04-30"))
                .body("budget", money("12000.00"))
                .body("unitId", nullValue());

        patch(hq, location, "\"1\"", "{\"endsOn\":\"2026-05-15\",\"budget\":15000.5}").statusCode(200)
                .header("ETag", "\"2\"").body("endsOn", equalTo("2026-05-15")).body("budget", money("15000.50"));
        put(hq, location, "\"1\"", SPRING).statusCode(412).contentType("application/problem+json");
        put(hq, location, "\"2\"", "{\"name\":\"Always on\",\"channel\":\"website\",\"startsOn\":\"2026-01-01\"}")
                .statusCode(200).header("ETag", "\"3\"").body("endsOn", nullValue()).body("budget", nullValue())
                .body("currency", equalTo("EUR"));
    }

    @Test
    void shouldShowUnitsTheirOwnAndTheBrandWideCampaignsOnly() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String hamburg = tenant.unitToken("hamburg", "manager");
        String munich = tenant.unitToken("munich", "manager");
        String hamburgAgent = tenant.unitToken("hamburg", "agent");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("admin");
        String national = create(hq, "/api/v1/campaigns", SPRING);
        String local = create(hamburg, "/api/v1/campaigns", "{\"name\":\"Alster ride\",\"channel\":\"event\","
                + "\"startsOn\":\"2026-06-01\"}");
        String forMunich = create(hq, "/api/v1/campaigns", "{\"name\":\"Isar ride\",\"channel\":\"event\","
                + "\"startsOn\":\"2026-06-01\",\"unitId\":\"" + tenant.unit("munich") + "\"}");

        get(hamburg, "/api/v1/campaigns/" + local).statusCode(200).body("unitId", equalTo(tenant.unit("hamburg")));
        get(hamburgAgent, "/api/v1/campaigns/" + national).statusCode(200);
        get(hamburgAgent, "/api/v1/campaigns").statusCode(200).body("items.id", containsInAnyOrder(national, local));
        get(munich, "/api/v1/campaigns").statusCode(200).body("items.id", containsInAnyOrder(national, forMunich));
        get(hq, "/api/v1/campaigns").statusCode(200).body("items", hasSize(3));
        get(hq, "/api/v1/campaigns?unitId=" + tenant.unit("munich")).statusCode(200).body("items.id", contains(forMunich));

        for (String outsider : new String[] {munich, stranger}) {
            get(outsider, "/api/v1/campaigns/" + local).statusCode(404).contentType("application/problem+json");
            patch(outsider, "/api/v1/campaigns/" + local, null, "{\"name\":\"X\"}").statusCode(404);
            put(outsider, "/api/v1/campaigns/" + local, null, SPRING).statusCode(404);
        }
        get(stranger, "/api/v1/campaigns/" + national).statusCode(404);
        get(stranger, "/api/v1/campaigns").statusCode(200).body("items", hasSize(0));
        given().when().get("/api/v1/campaigns").then().statusCode(401);
    }

    @Test
    void shouldLetOnlyHeadquartersRunBrandWideOrOtherUnitsCampaigns() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("admin");
        String hamburg = tenant.unitToken("hamburg", "manager");
        String agent = tenant.unitToken("hamburg", "agent");
        String national = create(hq, "/api/v1/campaigns", SPRING);
        String local = create(hamburg, "/api/v1/campaigns", SPRING);

        patch(hamburg, "/api/v1/campaigns/" + national, null, "{\"budget\":1}").statusCode(403)
                .contentType("application/problem+json");
        put(hamburg, "/api/v1/campaigns/" + national, null, SPRING).statusCode(403);
        post(hamburg, "/api/v1/campaigns", SPRING.replace("}", ",\"unitId\":\"" + tenant.unit("munich") + "\"}"))
                .statusCode(403);
        patch(hamburg, "/api/v1/campaigns/" + local, null, "{\"unitId\":\"" + tenant.unit("munich") + "\"}").statusCode(403);
        post(agent, "/api/v1/campaigns", SPRING).statusCode(403);
        // Headquarters may take a unit's campaign brand-wide.
        patch(hq, "/api/v1/campaigns/" + local, null, "{\"unitId\":null}").statusCode(200).body("unitId", nullValue());
    }

    @Test
    void shouldNameInvalidCampaignFields() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");

        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\",\"startsOn\":\"2026-04-30\",\"endsOn\":\"2026-04-01\"}")
                .statusCode(400).body("errors[0].field", equalTo("endsOn"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"billboard\",\"startsOn\":\"2026-04-01\"}")
                .statusCode(400).body("errors[0].field", equalTo("channel"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\"}")
                .statusCode(400).body("errors[0].field", equalTo("startsOn"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\",\"startsOn\":\"2026-02-30\"}")
                .statusCode(400).body("errors[0].field", equalTo("startsOn"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\",\"startsOn\":\"+10000-01-01\"}")
                .statusCode(400).contentType("application/problem+json");
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\",\"startsOn\":\"2026-04-01\",\"budget\":-5}")
                .statusCode(400).body("errors[0].field", equalTo("budget"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"\",\"channel\":\"event\",\"startsOn\":\"2026-04-01\"}")
                .statusCode(400).body("errors[0].field", equalTo("name"));
        post(hq, "/api/v1/campaigns", "{\"name\":\"A\",\"channel\":\"event\",\"startsOn\":\"2026-04-01\",\"unitId\":\"Not A Unit\"}")
                .statusCode(400).body("errors[0].field", equalTo("unitId"));
        get(hq, "/api/v1/campaigns?channel=billboard").statusCode(400).body("errors[0].field", equalTo("channel"));
        get(hq, "/api/v1/campaigns?activeOn=soon").statusCode(400).body("errors[0].field", equalTo("activeOn"));
        get(hq, "/api/v1/campaigns?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldListCampaignsRunningOnADayAndOfAChannel() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String april = create(hq, "/api/v1/campaigns", SPRING);
        String ongoing = create(hq, "/api/v1/campaigns", "{\"name\":\"Web\",\"channel\":\"website\",\"startsOn\":\"2026-01-01\"}");
        create(hq, "/api/v1/campaigns", "{\"name\":\"Fair\",\"channel\":\"trade_fair\",\"startsOn\":\"2026-09-01\","
                + "\"endsOn\":\"2026-09-03\"}");

        get(hq, "/api/v1/campaigns?activeOn=2026-04-15").statusCode(200).body("items.id", containsInAnyOrder(april, ongoing));
        get(hq, "/api/v1/campaigns?activeOn=2026-04-15&channel=website").statusCode(200).body("items.id", contains(ongoing));
    }

    @Test
    void shouldReplayCampaignCreationForTheSameIdempotencyKey() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(SPRING).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(SPRING).post("/api/v1/campaigns").then().statusCode(201).body("id", equalTo(first));
        get(hq, "/api/v1/campaigns").statusCode(200).body("items", hasSize(1));
    }
}
