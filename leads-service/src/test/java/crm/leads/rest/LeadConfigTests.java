package crm.leads.rest;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.put;
import static crm.leads.support.Api.subject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadConfigTests {

    static String territories(TestTenant tenant) {
        return "{\"territories\":[{\"id\":\"hamburg-city\",\"unitId\":\"" + tenant.unit("hamburg")
                + "\",\"postalCodePrefixes\":[\"20\",\"22\"]},{\"id\":\"harburg\",\"unitId\":\"" + tenant.unit("harburg")
                + "\",\"ranges\":[{\"from\":\"21000\",\"to\":\"21149\"}]}]}";
    }

    static String routing(TestTenant tenant, String strategy, String... reps) {
        StringBuilder list = new StringBuilder();
        for (String rep : reps) {
            list.append(list.length() == 0 ? "" : ",").append("{\"userId\":\"").append(rep).append("\",\"capacity\":10}");
        }
        return "{\"units\":[{\"unitId\":\"" + tenant.unit("hamburg") + "\",\"strategy\":\"" + strategy
                + "\",\"reps\":[" + list + "]}]}";
    }

    @Test
    void shouldServeDefaultsAsVersionZero() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin");

        get(admin, "/api/v1/leads/config/sla").statusCode(200).header("ETag", "\"0\"")
                .body("defaultMinutes", equalTo(60)).body("calendar.zone", equalTo("Europe/Berlin"))
                .body("escalation", equalTo("notify"));
        get(admin, "/api/v1/leads/config/scoring").statusCode(200).header("ETag", "\"0\"")
                .body("engagement.halfLifeDays", equalTo(14));
        get(admin, "/api/v1/leads/config/territories").statusCode(200).body("territories.size()", equalTo(0));
        get(admin, "/api/v1/leads/config/routing").statusCode(200).body("units.size()", equalTo(0));
    }

    @Test
    void shouldRouteByTerritoryAndRoundRobinInsideTheUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        put(admin, "/api/v1/leads/config/territories", "\"0\"", territories(tenant)).statusCode(200).header("ETag", "\"1\"");
        put(admin, "/api/v1/leads/config/routing", null, routing(tenant, "round_robin", "rep-a", "rep-b")).statusCode(200);
        String agent = tenant.hqToken("agent");

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = createLead(agent, "{\"lastName\":\"H" + i + "\",\"email\":\"h" + i + "@example.com\","
                    + "\"postalCode\":\"2009" + i + "\",\"channel\":\"website\"}");
            owners.add(get(agent, "/api/v1/leads/" + id).statusCode(200)
                    .body("unitId", equalTo(tenant.unit("hamburg"))).body("territoryId", equalTo("hamburg-city"))
                    .body("routingReason", containsString("territory hamburg-city (postal code prefix 20); round robin"))
                    .extract().path("ownerId"));
        }
        String harburg = createLead(agent, "{\"lastName\":\"S\",\"email\":\"s@example.com\",\"postalCode\":\"21073\","
                + "\"channel\":\"website\"}");

        org.assertj.core.api.Assertions.assertThat(owners).containsExactly("rep-a", "rep-b", "rep-a");
        get(agent, "/api/v1/leads/" + harburg).statusCode(200).body("unitId", equalTo(tenant.unit("harburg")))
                .body("ownerId", nullValue()).body("queue", equalTo("unit"))
                .body("routingReason", containsString("no reps configured for the unit; unit queue"));
    }

    @Test
    void shouldGiveTheLeastLoadedRepTheNextLead() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String busy = tenant.unitToken("hamburg", "agent");
        put(admin, "/api/v1/leads/config/routing", null, routing(tenant, "least_loaded", subject(busy), "rep-free"))
                .statusCode(200);
        createLead(busy, "{\"lastName\":\"A\",\"email\":\"a@example.com\",\"channel\":\"website\"}");

        String next = createLead(busy, "{\"lastName\":\"B\",\"email\":\"b@example.com\",\"channel\":\"website\"}");

        get(busy, "/api/v1/leads/" + next).statusCode(200).body("ownerId", equalTo("rep-free"))
                .body("routingReason", containsString("least loaded rep (0 open leads)"));
    }

    @Test
    void shouldScoreNewLeadsByTheTenantsRules() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        put(tenant.hqToken("admin"), "/api/v1/leads/config/scoring", null, """
                {"fit":{"regions":[{"name":"Hamburg","postalCodePrefixes":["20"],"points":30}],
                        "products":[{"sku":"EB-CARGO-500","points":15}],"maxProductPoints":30},
                 "engagement":{"pointsPerActivity":5,"maxActivityPoints":20,"pointsPerFormFill":10,
                               "maxFormFillPoints":30,"recencyPoints":20,"halfLifeDays":14}}""").statusCode(200);
        String agent = tenant.hqToken("agent");

        String id = createLead(agent, "{\"lastName\":\"A\",\"email\":\"a@example.com\",\"postalCode\":\"20095\","
                + "\"productsOfInterest\":[\"EB-CARGO-500\"],\"channel\":\"website\"}");

        get(agent, "/api/v1/leads/" + id).statusCode(200).body("score", equalTo(65))
                .body("scoreExplanation.rule", equalTo(List.of("fit.region", "fit.products", "engagement.recency")));
    }

    @Test
    void shouldLetOnlyHeadquartersAdminsChangeRules() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String body = territories(tenant);

        put(tenant.unitToken("hamburg", "admin"), "/api/v1/leads/config/territories", null, body).statusCode(403)
                .contentType("application/problem+json");
        put(tenant.hqToken("manager"), "/api/v1/leads/config/territories", null, body).statusCode(403);
        get(tenant.hqToken("agent"), "/api/v1/leads/config/territories").statusCode(403);
        put(tenant.hqToken("admin"), "/api/v1/leads/config/territories", null, body).statusCode(200);
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/leads/config/territories").statusCode(200)
                .header("ETag", "\"0\"");
    }

    @Test
    void shouldRefuseAStaleReplacement() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        put(admin, "/api/v1/leads/config/territories", "\"0\"", territories(tenant)).statusCode(200);

        put(admin, "/api/v1/leads/config/territories", "\"0\"", "{\"territories\":[]}").statusCode(412)
                .contentType("application/problem+json");
        put(admin, "/api/v1/leads/config/territories", "\"1\"", "{\"territories\":[]}").statusCode(200)
                .header("ETag", "\"2\"");
    }

    @Test
    void shouldNameWhatIsWrongWithRules() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");

        put(admin, "/api/v1/leads/config/territories", null, "{\"territories\":[{\"id\":\"a\",\"unitId\":\"u\"},"
                + "{\"id\":\"a\",\"unitId\":\"u\",\"ranges\":[{\"from\":\"21149\",\"to\":\"21000\"}]}]}")
                .statusCode(400).body("errors.field", hasItem("territories[0]"))
                .body("errors.field", hasItem("territories[1].id"))
                .body("errors.field", hasItem("territories[1].ranges[0]"));
        put(admin, "/api/v1/leads/config/territories", null, "{\"territories\":[{\"id\":\"Bad Id\",\"unitId\":\"u\","
                + "\"postalCodePrefixes\":[\"20\"]}]}").statusCode(400)
                .body("errors.field", hasItem("territories[0].id"));
        put(admin, "/api/v1/leads/config/routing", null, "{\"units\":[{\"unitId\":\"u\",\"strategy\":\"random\"}]}")
                .statusCode(400).contentType("application/problem+json");
        put(admin, "/api/v1/leads/config/routing", null, "{\"units\":[{\"unitId\":\"u\",\"strategy\":\"round_robin\","
                + "\"reps\":[{\"userId\":\"a\",\"capacity\":-1},{\"userId\":\"a\",\"capacity\":1}]}]}")
                .statusCode(400).body("errors.field", hasItem("units[0].reps[0].capacity"));
        put(admin, "/api/v1/leads/config/sla", null, "{\"calendar\":{\"zone\":\"Mars/Olympus\",\"week\":[{\"day\":\"monday\","
                + "\"opens\":\"08:00\",\"closes\":\"18:00\"}]},\"defaultMinutes\":60,\"warningShare\":0.75,"
                + "\"escalation\":\"notify\"}").statusCode(400).body("errors.field", hasItem("calendar"));
        put(admin, "/api/v1/leads/config/sla", null, "{\"calendar\":{\"zone\":\"Europe/Berlin\",\"week\":[{\"day\":\"monday\","
                + "\"opens\":\"25:00\",\"closes\":\"18:00\"}]},\"defaultMinutes\":0,\"warningShare\":2,"
                + "\"escalation\":\"notify\"}").statusCode(400)
                .body("errors.field", hasItem("calendar.week[0].opens"))
                .body("errors.field", hasItem("defaultMinutes"))
                .body("errors.field", hasItem("warningShare"));
        put(admin, "/api/v1/leads/config/scoring", null, "{\"fit\":{},\"engagement\":{\"halfLifeDays\":0}}")
                .statusCode(400).body("errors.field", hasItem("engagement.halfLifeDays"));
        put(admin, "/api/v1/leads/config/scoring", null, "null").statusCode(400);
        get(admin, "/api/v1/leads/config/sla").statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void shouldAcceptACalendarOpenAroundTheClock() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin");

        put(admin, "/api/v1/leads/config/sla", null, SlaTests.alwaysOpenSla(5, 0.5, "notify")).statusCode(200)
                .body("calendar.week.size()", equalTo(7)).body("calendar.week[0].closes", equalTo("24:00"));
    }
}
