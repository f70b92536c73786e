package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.post;
import static crm.leads.support.SalesApi.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class StageResourceTests {

    private static final String WITH_TEST_RIDES = """
            {"stages":[{"key":"qualification","name":"Qualification","probability":10},
                       {"key":"test_ride","name":"Test ride","probability":30},
                       {"key":"proposal","name":"Proposal","probability":60}]}""";

    @Test
    void shouldOfferTheDefaultPipelineUntilHeadquartersConfiguresOne() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.unitToken("hamburg", "agent");

        get(agent, "/api/v1/opportunities/stages").statusCode(200).header("ETag", "\"0\"")
                .body("version", equalTo(0))
                .body("stages.key", contains("qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"))
                .body("stages.probability", contains(10, 25, 50, 75, 100, 0))
                .body("stages.outcome", contains("open", "open", "open", "open", "won", "lost"));
    }

    @Test
    void shouldReplaceTheStagesAndReweighOpenOpportunities() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.unitToken("hamburg", "agent");
        String inProposal = create(agent, "/api/v1/opportunities",
                "{\"name\":\"P\",\"expectedCloseOn\":\"2026-06-30\",\"stage\":\"proposal\"}");
        String won = create(agent, "/api/v1/opportunities", "{\"name\":\"W\",\"expectedCloseOn\":\"2026-06-30\"}");
        post(agent, "/api/v1/opportunities/" + won + "/win", "{}").statusCode(200);

        put(admin, "/api/v1/opportunities/stages", "\"0\"", WITH_TEST_RIDES).statusCode(200).header("ETag", "\"1\"")
                .body("stages.key", contains("qualification", "test_ride", "proposal", "won", "lost"));

        get(agent, "/api/v1/opportunities/stages").statusCode(200).header("ETag", "\"1\"")
                .body("stages.probability", contains(10, 30, 60, 100, 0));
        get(agent, "/api/v1/opportunities/" + inProposal).statusCode(200).body("probability", equalTo(60))
                .body("version", equalTo(2));
        get(agent, "/api/v1/opportunities/" + won).statusCode(200).body("probability", equalTo(100));
        post(agent, "/api/v1/opportunities/" + inProposal + "/stage", "{\"stage\":\"test_ride\"}").statusCode(200)
                .body("probability", equalTo(30));
        post(agent, "/api/v1/opportunities/" + inProposal + "/stage", "{\"stage\":\"negotiation\"}").statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        put(admin, "/api/v1/opportunities/stages", "\"0\"", WITH_TEST_RIDES).statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseToRemoveAStageThatStillHoldsOpenOpportunities() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.unitToken("munich", "agent");
        String deal = create(agent, "/api/v1/opportunities",
                "{\"name\":\"N\",\"expectedCloseOn\":\"2026-06-30\",\"stage\":\"negotiation\"}");

        put(admin, "/api/v1/opportunities/stages", null, WITH_TEST_RIDES).statusCode(409)
                .contentType("application/problem+json");
        get(agent, "/api/v1/opportunities/stages").statusCode(200).body("version", equalTo(0));

        post(agent, "/api/v1/opportunities/" + deal + "/stage", "{\"stage\":\"proposal\"}").statusCode(200);
        put(admin, "/api/v1/opportunities/stages", null, WITH_TEST_RIDES).statusCode(200);
    }

    @Test
    void shouldLetOnlyHeadquartersAdminsChangeThePipeline() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String other = TestTenant.create(DevStack.shared()).hqToken("admin");

        put(tenant.unitToken("hamburg", "admin"), "/api/v1/opportunities/stages", null, WITH_TEST_RIDES).statusCode(403)
                .contentType("application/problem+json");
        put(tenant.hqToken("manager"), "/api/v1/opportunities/stages", null, WITH_TEST_RIDES).statusCode(403);
        put(other, "/api/v1/opportunities/stages", null, WITH_TEST_RIDES).statusCode(200);
        // Another tenant's pipeline is its own business.
        get(tenant.hqToken("agent"), "/api/v1/opportunities/stages").statusCode(200).body("version", equalTo(0))
                .body("stages.key", contains("qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"));
    }

    @Test
    void shouldNameInvalidStages() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin");
        String path = "/api/v1/opportunities/stages";

        put(admin, path, null, "{\"stages\":[]}").statusCode(400).body("errors[0].field", equalTo("stages"));
        put(admin, path, null, "{\"stages\":[{\"key\":\"a\",\"name\":\"A\",\"probability\":10},"
                + "{\"key\":\"a\",\"name\":\"A again\",\"probability\":20}]}").statusCode(400)
                .body("errors[0].field", equalTo("stages[1].key"));
        put(admin, path, null, "{\"stages\":[{\"key\":\"won\",\"name\":\"Won\",\"probability\":100}]}").statusCode(400)
                .body("errors[0].field", equalTo("stages[0].key"));
        put(admin, path, null, "{\"stages\":[{\"key\":\"a\",\"name\":\"A\",\"probability\":101}]}").statusCode(400)
                .body("errors[0].field", equalTo("stages[0].probability"));
        put(admin, path, null, "{\"stages\":[{\"key\":\"Has Spaces\",\"name\":\"A\",\"probability\":1}]}").statusCode(400)
                .body("errors[0].field", equalTo("stages[0].key"));
        put(admin, path, null, "{\"stages\":[{\"key\":\"a\",\"probability\":1}]}").statusCode(400)
                .body("errors[0].field", equalTo("stages[0].name"));
        put(admin, path, null, "{\"stages\":\"all\"}").statusCode(400).contentType("application/problem+json");
    }
}
