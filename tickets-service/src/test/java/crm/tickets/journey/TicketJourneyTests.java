package crm.tickets.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.tickets.events.KafkaTopics;
import crm.tickets.events.KafkaTopics.Reader.Message;
import crm.tickets.events.TicketEvents;
import crm.tickets.rest.Api;
import crm.tickets.rest.SlaSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The acceptance journey: a high-priority ticket from a known gold customer is routed by rule to the VIP
 * queue and its agent, gets no answer, warns, breaches and escalates once (on an always-open calendar with
 * a two-minute first-response target, in real time), is answered, resolved and rated. Every step is on
 * crm.tickets with the contact, which is what contacts-service turns into the customer's timeline.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TicketJourneyTests {

    @Test
    void shouldRouteWarnBreachEscalateOnceAnswerResolveAndRate() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String manager = tenant.hqToken("manager");
        String agent = tenant.unitToken("hamburg", "agent");
        String contact = UUID.randomUUID().toString();

        String vip = Api.createQueue(admin, "VIP", "round_robin", "[{\"agentId\":\"vip-agent\"}]");
        String general = Api.createQueue(admin, "Allgemein", "round_robin", "[{\"agentId\":\"general-agent\"}]");
        String escalation = Api.createQueue(admin, "Eskalation", "round_robin", "[{\"agentId\":\"shift-lead\"}]");
        Api.routingRules(admin, "[{\"name\":\"Gold customers, high priority\",\"priorities\":[\"high\",\"urgent\"],"
                + "\"tiers\":[\"gold\"],\"queueId\":\"" + vip + "\"},"
                + "{\"name\":\"Everything else\",\"queueId\":\"" + general + "\"}]");
        SlaSettings.alwaysOpen(admin);
        SlaSettings.policies(admin, "[{\"name\":\"gold high\",\"priority\":\"high\",\"tier\":\"gold\","
                + "\"firstResponseMinutes\":2,\"resolutionMinutes\":600,\"warningPercent\":50,"
                + "\"breachActions\":[\"raise_priority\",\"move_to_escalation_queue\",\"notify_manager\"],"
                + "\"escalationQueueId\":\"" + escalation + "\"}]");

        // contacts-service announces the customer; a low-priority probe ticket shows when the projection has it.
        String probe = Api.openTicket(agent, "probe", "\"priority\":\"low\",\"contactId\":\"" + contact + "\"");
        KafkaTopics.publishContactEvent(tenant.id(), tenant.unit("hamburg"), "crm.contact.created.v1", contact,
                "{\"contactId\":\"" + contact + "\",\"unitId\":\"" + tenant.unit("hamburg") + "\",\"firstName\":\"Jana\","
                        + "\"lastName\":\"Schulz\",\"email\":\"jana.schulz@example.com\",\"lifecycleStage\":\"customer\","
                        + "\"companyId\":null,\"ownerId\":null,\"createdAt\":\"2026-11-27T10:00:00Z\","
                        + "\"tags\":[\"tier-gold\"]}");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Api.get(agent, "/api/v1/tickets/" + probe).body("contactVerified", equalTo(true)));

        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            String id = Api.openTicket(agent, "E-Bike fährt nicht mehr", "\"priority\":\"high\",\"channel\":\"phone\","
                    + "\"contactId\":\"" + contact + "\"");
            String path = "/api/v1/tickets/" + id;

            Api.get(agent, path).statusCode(200).body("customerTier", equalTo("gold")).body("queueId", equalTo(vip))
                    .body("assigneeId", equalTo("vip-agent")).body("routingRule", equalTo("Gold customers, high priority"))
                    .body("sla.policy", equalTo("gold high"));
            Message assigned = events.await(id, TicketEvents.TICKET_ASSIGNED);
            assertThat(assigned.data().path("rule").asText()).isEqualTo("Gold customers, high priority");

            // Nobody answers: one business minute in, the warning; two minutes in, the breach and its escalation.
            Message warning = events.await(id, TicketEvents.TICKET_SLA_WARNING);
            Api.get(manager, "/api/v1/tickets?view=at-risk").statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
            Message breach = events.await(id, TicketEvents.TICKET_SLA_BREACHED);
            assertThat(warning.data().path("target").asText()).isEqualTo("first_response");
            assertThat(breach.data().path("managerNotified").asBoolean()).isTrue();
            assertThat(breach.data().path("escalationQueueId").asText()).isEqualTo(escalation);
            assertThat(breach.data().path("priority").asText()).isEqualTo("urgent");
            Api.get(agent, path).statusCode(200).body("priority", equalTo("urgent")).body("queueId", equalTo(escalation))
                    .body("assigneeId", equalTo("shift-lead")).body("sla.firstResponseBreachedAt", notNullValue());
            Api.get(manager, "/api/v1/tickets?view=breached").statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));

            // Answered, resolved, rated.
            Api.post(agent, path + "/comments", "{\"body\":\"Wir holen das Rad heute ab.\"}").statusCode(201);
            Api.post(agent, path + "/status", "{\"status\":\"resolved\"}").statusCode(200);
            Api.post(agent, path + "/rating", "{\"rating\":4,\"comment\":\"Spät, aber gut gelöst\"}").statusCode(200);
            Message rated = events.await(id, TicketEvents.TICKET_RATED);
            assertThat(rated.data().path("rating").asInt()).isEqualTo(4);

            List<String> types = events.typesOf(id);
            assertThat(types).containsSubsequence(TicketEvents.TICKET_OPENED, TicketEvents.TICKET_ASSIGNED,
                    TicketEvents.TICKET_SLA_WARNING, TicketEvents.TICKET_SLA_BREACHED, TicketEvents.TICKET_COMMENTED,
                    TicketEvents.TICKET_STATUS_CHANGED, TicketEvents.TICKET_RESOLVED, TicketEvents.TICKET_RATED);
            assertThat(types.stream().filter(TicketEvents.TICKET_SLA_WARNING::equals)).hasSize(1);
            assertThat(types.stream().filter(TicketEvents.TICKET_SLA_BREACHED::equals)).hasSize(1);
            assertThat(events.of(id)).allSatisfy(m -> assertThat(m.data().path("contactId").asText()).isEqualTo(contact));
            Message resolved = events.await(id, TicketEvents.TICKET_RESOLVED);
            assertThat(resolved.data().path("firstResponseSlaMet").asBoolean()).isFalse();
            assertThat(resolved.data().path("firstResponseBusinessMinutes").asLong()).isGreaterThanOrEqualTo(2);
            Message escalated = events.await(id, m -> TicketEvents.TICKET_ASSIGNED.equals(m.type())
                    && "sla_escalation".equals(m.data().path("reason").asText()));
            assertThat(escalated.data().path("assigneeId").asText()).isEqualTo("shift-lead");
        }
    }
}
