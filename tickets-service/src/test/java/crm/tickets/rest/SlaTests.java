package crm.tickets.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.tickets.TicketsDatabase;
import crm.tickets.events.KafkaTopics;
import crm.tickets.events.TicketEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class SlaTests {

    @Test
    void shouldServeDefaultsUntilConfiguredAndValidatePolicies() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String queue = Api.createQueue(admin, "Eskalation", "least_loaded", "[]");

        Api.get(admin, "/api/v1/sla-policies").statusCode(200).header("ETag", "\"0\"")
                .body("warningPercent", equalTo(80)).body("policies", hasSize(4));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"policies\":[{\"name\":\"n\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":30,\"resolutionMinutes\":20}]}").statusCode(400)
                .body("errors[0].field", equalTo("policies[0].resolutionMinutes"));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"policies\":[{\"name\":\"n\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":30,\"resolutionMinutes\":60,\"breachActions\":[\"move_to_escalation_queue\"]}]}")
                .statusCode(400).body("errors[0].field", equalTo("policies[0].escalationQueueId"));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"policies\":[{\"name\":\"n\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":30,\"resolutionMinutes\":60,\"breachActions\":[\"move_to_escalation_queue\"],"
                + "\"escalationQueueId\":\"" + UUID.randomUUID() + "\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("policies[0].escalationQueueId"));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"policies\":[{\"name\":\"a\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":30,\"resolutionMinutes\":60},{\"name\":\"b\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":30,\"resolutionMinutes\":60}]}").statusCode(400)
                .body("errors[0].field", equalTo("policies[1]"));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"policies\":[{\"name\":\"n\",\"priority\":\"normal\","
                + "\"firstResponseMinutes\":0,\"resolutionMinutes\":60}]}").statusCode(400)
                .body("errors[0].field", equalTo("policies[0].firstResponseMinutes"));
        Api.put(admin, "/api/v1/sla-policies", "\"0\"", "{\"warningPercent\":50,\"policies\":[{\"name\":\"gold\","
                + "\"priority\":\"high\",\"tier\":\"Gold\",\"firstResponseMinutes\":15,\"resolutionMinutes\":120,"
                + "\"breachActions\":[\"move_to_escalation_queue\"],\"escalationQueueId\":\"" + queue + "\"}]}")
                .statusCode(200).header("ETag", "\"1\"").body("policies[0].tier", equalTo("gold"));
        Api.put(tenant.hqToken("manager"), "/api/v1/sla-policies", null, "{\"policies\":[]}").statusCode(403);
        Api.put(tenant.unitToken("hamburg", "admin"), "/api/v1/sla-policies", null, "{\"policies\":[]}").statusCode(403);
    }

    @Test
    void shouldValidateCalendars() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");

        Api.get(admin, "/api/v1/sla-policies/calendars").statusCode(200).header("ETag", "\"0\"")
                .body("tenant.zone", equalTo("Europe/Berlin"))
                .body("tenant.openingHours.monday[0].opens", equalTo("08:00"));
        Api.put(admin, "/api/v1/sla-policies/calendars", "\"0\"", "{\"tenant\":{\"zone\":\"Mars/Olympus\","
                + "\"openingHours\":{\"monday\":[{\"opens\":\"08:00\",\"closes\":\"18:00\"}]}}}")
                .statusCode(400).body("errors[0].field", equalTo("tenant.zone"));
        Api.put(admin, "/api/v1/sla-policies/calendars", "\"0\"", "{\"tenant\":{\"zone\":\"Europe/Berlin\","
                + "\"openingHours\":{\"monday\":[{\"opens\":\"18:00\",\"closes\":\"08:00\"}]}}}")
                .statusCode(400).body("errors[0].field", equalTo("tenant.openingHours.monday"));
        Api.put(admin, "/api/v1/sla-policies/calendars", "\"0\"", "{\"tenant\":{\"zone\":\"Europe/Berlin\","
                + "\"openingHours\":{\"monday\":[{\"opens\":\"8 Uhr\",\"closes\":\"18:00\"}]}}}")
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("tenant.openingHours"));
        Api.put(admin, "/api/v1/sla-policies/calendars", "\"0\"", "{\"tenant\":{\"zone\":\"Europe/Berlin\","
                + "\"openingHours\":{\"monday\":[{\"opens\":\"08:00\",\"closes\":\"18:00\"}]}},\"units\":{\""
                + tenant.unit("munich") + "\":{\"zone\":\"Europe/Vienna\",\"openingHours\":{\"saturday\":"
                + "[{\"opens\":\"10:00\",\"closes\":\"16:00\"}]},\"holidays\":[\"2026-12-08\"]}}}")
                .statusCode(200).header("ETag", "\"1\"");
        Api.get(tenant.unitToken("munich", "agent"), "/api/v1/sla-policies/calendars").statusCode(200)
                .body("units.'" + tenant.unit("munich") + "'.zone", equalTo("Europe/Vienna"));
    }

    @Test
    void shouldHoldTicketsToThePolicyOfTheirPriorityOrNone() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        SlaSettings.policies(admin, "[{\"name\":\"only high\",\"priority\":\"high\",\"firstResponseMinutes\":15,"
                + "\"resolutionMinutes\":60}]");

        Api.get(agent, "/api/v1/tickets/" + Api.openTicket(agent, "high", "\"priority\":\"high\"")).statusCode(200)
                .body("sla.policy", equalTo("only high")).body("sla.firstResponseTargetMinutes", equalTo(15))
                .body("sla.resolutionDueAt", notNullValue());
        Api.get(agent, "/api/v1/tickets/" + Api.openTicket(agent, "low", "\"priority\":\"low\"")).statusCode(200)
                .body("sla.policy", nullValue()).body("sla.firstResponseDueAt", nullValue())
                .body("sla.clockRunning", equalTo(true));
    }

    @Test
    void shouldWarnThenBreachAndEscalateEachOnce() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String manager = tenant.hqToken("manager");
        String agent = tenant.hqToken("agent");
        String escalation = Api.createQueue(admin, "Eskalation", "round_robin", "[{\"agentId\":\"chefin\"}]");
        SlaSettings.alwaysOpen(admin);
        SlaSettings.policies(admin, "[{\"name\":\"normal\",\"priority\":\"normal\",\"firstResponseMinutes\":10,"
                + "\"resolutionMinutes\":600,\"warningPercent\":50,\"warningActions\":[\"raise_priority\"],"
                + "\"breachActions\":[\"move_to_escalation_queue\",\"notify_manager\"],"
                + "\"escalationQueueId\":\"" + escalation + "\"}]");
        String id = Api.openTicket(agent, "Keiner antwortet", "\"contactId\":\"" + UUID.randomUUID() + "\"");
        String calm = Api.openTicket(agent, "Alles ruhig", null);
        String path = "/api/v1/tickets/" + id;

        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            SlaSettings.letTimePass(id, 6, "first_response");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.get(agent, path).statusCode(200)
                    .body("sla.firstResponseWarnedAt", notNullValue()));
            Api.get(agent, path).body("priority", equalTo("high")).body("sla.firstResponseBreachedAt", nullValue());
            Api.get(manager, "/api/v1/tickets?view=at-risk").statusCode(200).body("items.id", containsInAnyOrder(id));
            Api.get(manager, "/api/v1/tickets?view=breached").statusCode(200).body("items", hasSize(0));

            SlaSettings.letTimePass(id, 5, "first_response");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.get(agent, path).statusCode(200)
                    .body("sla.firstResponseBreachedAt", notNullValue()));
            Api.get(agent, path).body("queueId", equalTo(escalation)).body("assigneeId", equalTo("chefin"))
                    .body("priority", equalTo("high"));
            Api.get(manager, "/api/v1/tickets?view=breached").statusCode(200).body("items.id", containsInAnyOrder(id));
            Api.get(manager, "/api/v1/tickets?view=at-risk").statusCode(200).body("items", hasSize(0));

            KafkaTopics.Reader.Message warning = events.await(id, TicketEvents.TICKET_SLA_WARNING);
            KafkaTopics.Reader.Message breach = events.await(id, TicketEvents.TICKET_SLA_BREACHED);
            assertThat(warning.data().path("target").asText()).isEqualTo("first_response");
            assertThat(warning.data().path("priority").asText()).isEqualTo("high");
            assertThat(breach.data().path("managerNotified").asBoolean()).isTrue();
            assertThat(breach.data().path("escalationQueueId").asText()).isEqualTo(escalation);
            assertThat(breach.data().path("dueAt").isNull()).isFalse();
            events.await(id, m -> TicketEvents.TICKET_ASSIGNED.equals(m.type())
                    && "sla_escalation".equals(m.data().path("reason").asText()));

            // A marker event after the escalation proves nothing fired twice before it.
            Api.post(agent, path + "/comments", "{\"body\":\"Entschuldigung!\"}").statusCode(201);
            events.await(id, TicketEvents.TICKET_COMMENTED);
            assertThat(events.typesOf(id).stream().filter(TicketEvents.TICKET_SLA_WARNING::equals)).hasSize(1);
            assertThat(events.typesOf(id).stream().filter(TicketEvents.TICKET_SLA_BREACHED::equals)).hasSize(1);
        }
        Api.get(agent, "/api/v1/tickets/" + calm).body("sla.firstResponseWarnedAt", nullValue());
    }

    @Test
    void shouldKeepTimersOnlyForTargetsStillPending() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        SlaSettings.policies(admin, "[{\"name\":\"normal\",\"priority\":\"normal\",\"firstResponseMinutes\":10,"
                + "\"resolutionMinutes\":600}]");
        String id = Api.openTicket(agent, "Schnell beantwortet", null);
        String timers = "select count(*) from scheduled_timer where timer_key = ? and kind like ?";

        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.%")).isEqualTo(4);
        Api.post(agent, "/api/v1/tickets/" + id + "/comments", "{\"body\":\"Gern geschehen\"}").statusCode(201);
        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.first_response.%")).isZero();
        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.resolution.%")).isEqualTo(2);
        Api.post(agent, "/api/v1/tickets/" + id + "/status", "{\"status\":\"pending_customer\"}").statusCode(200);
        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.%")).isZero();
        Api.post(agent, "/api/v1/tickets/" + id + "/status", "{\"status\":\"open\"}").statusCode(200);
        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.resolution.%")).isEqualTo(2);
        Api.post(agent, "/api/v1/tickets/" + id + "/status", "{\"status\":\"resolved\"}").statusCode(200);
        assertThat(TicketsDatabase.number(timers, id, "ticket-sla.%")).isZero();
    }
}
