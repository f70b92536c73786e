package crm.tickets.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class RoutingTests {

    private static String assignee(String token, String id) {
        return Api.get(token, "/api/v1/tickets/" + id).statusCode(200).extract().path("assigneeId");
    }

    @Test
    void shouldRouteByTheFirstMatchingRuleAndRecordIt() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        String battery = Api.createQueue(admin, "Akku", "round_robin", "[{\"agentId\":\"anna\"}]");
        String munich = Api.createQueue(admin, "München", "round_robin", "[{\"agentId\":\"moritz\"}]");
        Api.routingRules(admin, "[{\"name\":\"Akku-Fälle\",\"words\":[\"Akku\"],\"channels\":[\"phone\",\"email\"],"
                + "\"queueId\":\"" + battery + "\"},"
                + "{\"name\":\"Munich store\",\"unitIds\":[\"" + tenant.unit("munich") + "\"],\"queueId\":\"" + munich + "\"}]");

        String akku = Api.openTicket(agent, "Mein Akku lädt nicht", null);
        String munichTicket = Api.openTicket(tenant.unitToken("munich", "agent"), "Mein Akku ist leer",
                "\"channel\":\"in_store\"");
        String other = Api.openTicket(agent, "Rechnung falsch", null);

        Api.get(agent, "/api/v1/tickets/" + akku).statusCode(200).body("queueId", equalTo(battery))
                .body("routingRule", equalTo("Akku-Fälle")).body("assigneeId", equalTo("anna"));
        Api.get(agent, "/api/v1/tickets/" + munichTicket).statusCode(200).body("queueId", equalTo(munich))
                .body("routingRule", equalTo("Munich store")).body("assigneeId", equalTo("moritz"));
        String fallback = Api.get(agent, "/api/v1/tickets/" + other).statusCode(200)
                .body("routingRule", nullValue()).extract().path("queueId");
        Api.get(agent, "/api/v1/queues/" + fallback).statusCode(200).body("isDefault", equalTo(true));
    }

    @Test
    void shouldCreateOneDefaultQueueLazily() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        Api.get(agent, "/api/v1/queues").statusCode(200).body("items", hasSize(0));

        String first = Api.get(agent, "/api/v1/tickets/" + Api.openTicket(agent, "a", null)).extract().path("queueId");
        String second = Api.get(agent, "/api/v1/tickets/" + Api.openTicket(agent, "b", null)).extract().path("queueId");

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
        Api.get(agent, "/api/v1/queues").statusCode(200).body("items", hasSize(1))
                .body("items[0].isDefault", equalTo(true));
    }

    @Test
    void shouldTakeTurnsInARoundRobinQueue() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        String queue = Api.createQueue(admin, "Team", "round_robin",
                "[{\"agentId\":\"anna\"},{\"agentId\":\"ben\"},{\"agentId\":\"cem\",\"active\":false}]");
        Api.routingRules(admin, "[{\"name\":\"all\",\"queueId\":\"" + queue + "\"}]");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(assignee(agent, Api.openTicket(agent, "t" + i, null)));
        }

        org.assertj.core.api.Assertions.assertThat(order).containsExactly("anna", "ben", "anna", "ben");
    }

    @Test
    void shouldGiveTheNextTicketToTheLeastLoadedAgentAndFreeLoadOnResolve() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        String queue = Api.createQueue(admin, "Team", "least_loaded",
                "[{\"agentId\":\"anna\",\"capacity\":1},{\"agentId\":\"ben\",\"capacity\":1}]");
        Api.routingRules(admin, "[{\"name\":\"all\",\"queueId\":\"" + queue + "\"}]");

        String first = Api.openTicket(agent, "1", null);
        String second = Api.openTicket(agent, "2", null);
        String third = Api.openTicket(agent, "3", null);
        Api.post(agent, "/api/v1/tickets/" + first + "/status", "{\"status\":\"resolved\"}").statusCode(200);
        String fourth = Api.openTicket(agent, "4", null);

        org.assertj.core.api.Assertions.assertThat(List.of(assignee(agent, first), assignee(agent, second)))
                .containsExactly("anna", "ben");
        org.assertj.core.api.Assertions.assertThat(assignee(agent, third)).as("both at capacity").isNull();
        org.assertj.core.api.Assertions.assertThat(assignee(agent, fourth)).isEqualTo("anna");
    }

    @Test
    void shouldRouteBySkillWithinAQueue() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        String queue = Api.createQueue(admin, "Werkstatt", "skill",
                "[{\"agentId\":\"elektro\",\"skills\":[\"Motor\",\"Akku\"]},{\"agentId\":\"mechanik\",\"skills\":[\"bremsen\"]}]");
        Api.routingRules(admin, "[{\"name\":\"all\",\"queueId\":\"" + queue + "\"}]");

        String brakes = Api.openTicket(agent, "quietscht", "\"category\":\"Bremsen\"");
        String motor = Api.openTicket(agent, "brummt", "\"category\":\"motor\"");
        String unknown = Api.openTicket(agent, "?", "\"category\":\"lack\"");

        Api.get(agent, "/api/v1/tickets/" + brakes).body("assigneeId", equalTo("mechanik"));
        Api.get(agent, "/api/v1/tickets/" + motor).body("assigneeId", equalTo("elektro"));
        Api.get(agent, "/api/v1/tickets/" + unknown).body("assigneeId", nullValue()).body("queueId", equalTo(queue));
    }

    @Test
    void shouldValidateRoutingRulesAndKeepThemAdminsOnly() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String queue = Api.createQueue(admin, "Q", "round_robin", "[]");
        String rules = "{\"rules\":[{\"name\":\"r\",\"priorities\":[\"urgent\"],\"queueId\":\"" + queue + "\"}]}";

        Api.get(admin, "/api/v1/queues/routing-rules").statusCode(200).header("ETag", "\"0\"").body("rules", hasSize(0));
        Api.put(admin, "/api/v1/queues/routing-rules", "\"0\"", rules).statusCode(200).header("ETag", "\"1\"");
        Api.put(admin, "/api/v1/queues/routing-rules", "\"0\"", rules).statusCode(412);
        Api.put(admin, "/api/v1/queues/routing-rules", "\"1\"", "{\"rules\":[{\"name\":\"r\",\"queueId\":\""
                + UUID.randomUUID() + "\"}]}").statusCode(400).body("errors[0].field", equalTo("rules[0].queueId"));
        Api.put(admin, "/api/v1/queues/routing-rules", "\"1\"", "{\"rules\":[{\"name\":\"r\",\"queueId\":\"" + queue
                + "\"},{\"name\":\"R\",\"queueId\":\"" + queue + "\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("rules[1].name"));
        Api.put(admin, "/api/v1/queues/routing-rules", "\"1\"", "{\"rules\":[{\"name\":\"r\",\"priorities\":[\"asap\"],"
                + "\"queueId\":\"" + queue + "\"}]}").statusCode(400);
        Api.put(tenant.hqToken("manager", "agent"), "/api/v1/queues/routing-rules", null, rules).statusCode(403);
        Api.put(tenant.unitToken("hamburg", "admin"), "/api/v1/queues/routing-rules", null, rules).statusCode(403);
        Api.get(tenant.unitToken("hamburg", "agent"), "/api/v1/queues/routing-rules").statusCode(200)
                .body("rules[0].priorities", hasItem("urgent"));
    }

    @Test
    void shouldManageQueuesWithVersions() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String id = Api.createQueue(admin, "Service", "skill", "[{\"agentId\":\"anna\",\"skills\":[\"Akku Defekt\"],\"capacity\":3}]");
        String path = "/api/v1/queues/" + id;

        Api.get(admin, path).statusCode(200).header("ETag", "\"1\"")
                .body("members[0].skills", containsInAnyOrder("akku-defekt")).body("members[0].active", equalTo(true));
        Api.put(admin, path, "\"1\"", "{\"name\":\"Service Nord\",\"strategy\":\"least_loaded\",\"members\":[]}")
                .statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Service Nord"));
        Api.put(admin, path, "\"1\"", "{\"name\":\"late\",\"strategy\":\"skill\"}").statusCode(412);
        Api.put(admin, path, null, "{\"name\":\"x\",\"strategy\":\"skill\",\"members\":[{\"agentId\":\"a\"},{\"agentId\":\"a\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("members[1].agentId"));
        Api.put(admin, path, null, "{\"name\":\"x\",\"strategy\":\"random\"}").statusCode(400)
                .body("errors[0].field", equalTo("strategy"));
        Api.post(tenant.hqToken("agent"), "/api/v1/queues", "{\"name\":\"x\",\"strategy\":\"skill\"}").statusCode(403);
        Api.get(TestTenant.create(DevStack.shared()).hqToken("admin"), path).statusCode(404);
        Api.get(admin, "/api/v1/queues").statusCode(200).body("items", hasSize(1)).body("items[0].version", notNullValue());
    }
}
