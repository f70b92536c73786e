package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.patch;
import static crm.leads.support.SalesApi.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class OpportunityWorkflowTests {

    private static final String DEAL = "{\"name\":\"Deal\",\"expectedCloseOn\":\"2026-06-30\",\"amount\":8000}";

    @Test
    void shouldMoveThroughTheStagesAndRecordEachStep() {
        String agent = TestTenant.create(DevStack.shared()).unitToken("hamburg", "agent");
        String path = "/api/v1/opportunities/" + create(agent, "/api/v1/opportunities", DEAL);

        post(agent, path + "/stage", "\"1\"", "{\"stage\":\"proposal\"}").statusCode(200).header("ETag", "\"2\"")
                .body("stage", equalTo("proposal")).body("probability", equalTo(50)).body("status", equalTo("open"));
        post(agent, path + "/stage", "{\"stage\":\"needs_analysis\"}").statusCode(200).body("probability", equalTo(25));
        // Moving to the stage it is in changes nothing.
        post(agent, path + "/stage", "{\"stage\":\"needs_analysis\"}").statusCode(200).header("ETag", "\"3\"");

        get(agent, path + "/history").statusCode(200)
                .body("items.from", contains(null, "qualification", "proposal"))
                .body("items.to", contains("qualification", "proposal", "needs_analysis"))
                .body("items.probability", contains(10, 50, 25));
        String cursor = get(agent, path + "/history?limit=2").statusCode(200).extract().path("nextCursor");
        get(agent, path + "/history?limit=2&cursor=" + cursor).statusCode(200).body("items.to", contains("needs_analysis"));
    }

    @Test
    void shouldWinAnOpenOpportunityOnceAndForAll() {
        String agent = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/opportunities/" + create(agent, "/api/v1/opportunities", DEAL);
        post(agent, path + "/stage", "{\"stage\":\"negotiation\"}").statusCode(200);

        post(agent, path + "/win", "{\"closedOn\":\"2026-05-20\"}").statusCode(200)
                .body("status", equalTo("won")).body("stage", equalTo("won")).body("probability", equalTo(100))
                .body("expectedCloseOn", equalTo("2026-05-20")).body("closedAt", notNullValue())
                .body("amount", money("8000.00"));

        post(agent, path + "/win", "{}").statusCode(409).contentType("application/problem+json");
        post(agent, path + "/lose", "{\"reason\":\"changed my mind\"}").statusCode(409);
        post(agent, path + "/stage", "{\"stage\":\"proposal\"}").statusCode(409);
        patch(agent, path, null, "{\"amount\":1}").statusCode(409);
        get(agent, path + "/history").statusCode(200).body("items.to", contains("qualification", "negotiation", "won"));
    }

    @Test
    void shouldLoseAnOpenOpportunityWithAReason() {
        String agent = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/opportunities/" + create(agent, "/api/v1/opportunities", DEAL);

        post(agent, path + "/lose", "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        post(agent, path + "/lose", "{\"reason\":\"" + "x".repeat(501) + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(agent, path + "/lose", "{\"reason\":\" Went with a competitor \"}").statusCode(200)
                .body("status", equalTo("lost")).body("stage", equalTo("lost")).body("probability", equalTo(0))
                .body("lostReason", equalTo("Went with a competitor"));

        post(agent, path + "/win", "{}").statusCode(409).contentType("application/problem+json");
        post(agent, path + "/lose", "{\"reason\":\"again\"}").statusCode(409);
        get(agent, path + "/history").statusCode(200)
                .body("items[1].to", equalTo("lost")).body("items[1].reason", equalTo("Went with a competitor"));
    }

    @Test
    void shouldRefuseOutcomesAndUnknownStagesAsStageMoves() {
        String agent = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/opportunities/" + create(agent, "/api/v1/opportunities", DEAL);

        post(agent, path + "/stage", "{\"stage\":\"won\"}").statusCode(400).body("errors[0].field", equalTo("stage"));
        post(agent, path + "/stage", "{\"stage\":\"lost\"}").statusCode(400).body("errors[0].field", equalTo("stage"));
        post(agent, path + "/stage", "{\"stage\":\"dreaming\"}").statusCode(400).body("errors[0].field", equalTo("stage"));
        post(agent, path + "/stage", "{}").statusCode(400).body("errors[0].field", equalTo("stage"));
        post(agent, path + "/win", "{\"closedOn\":\"tomorrow\"}").statusCode(400).body("errors[0].field", equalTo("closedOn"));
        get(agent, path).statusCode(200).body("stage", equalTo("qualification")).body("version", equalTo(1))
                .body("lostReason", nullValue());
    }

    @Test
    void shouldHonourIfMatchOnEveryStep() {
        String agent = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/opportunities/" + create(agent, "/api/v1/opportunities", DEAL);
        post(agent, path + "/stage", "\"1\"", "{\"stage\":\"proposal\"}").statusCode(200);

        post(agent, path + "/stage", "\"1\"", "{\"stage\":\"negotiation\"}").statusCode(412)
                .contentType("application/problem+json");
        post(agent, path + "/win", "\"1\"", "{}").statusCode(412);
        post(agent, path + "/lose", "\"1\"", "{\"reason\":\"x\"}").statusCode(412);
        post(agent, path + "/win", "\"2\"", "{}").statusCode(200).header("ETag", "\"3\"");
    }
}
