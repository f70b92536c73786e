package crm.tickets.events;

import static org.assertj.core.api.Assertions.assertThat;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.tickets.rest.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every workflow step reaches crm.tickets through the outbox, as a CloudEvent carrying the contact. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TicketEventsTests {

    @Test
    void shouldPublishOpenedAndAssignedAsCloudEvents() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.unitToken("hamburg", "agent");
        String contact = UUID.randomUUID().toString();
        String queue = Api.createQueue(admin, "Hamburg", "round_robin", "[{\"agentId\":\"hanna\"}]");
        Api.routingRules(admin, "[{\"name\":\"Hamburg store\",\"unitIds\":[\"" + tenant.unit("hamburg")
                + "\"],\"queueId\":\"" + queue + "\"}]");

        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            String id = Api.openTicket(agent, "Klingel fehlt", "\"category\":\"parts\",\"priority\":\"low\","
                    + "\"contactId\":\"" + contact + "\"");

            KafkaTopics.Reader.Message opened = events.await(id, TicketEvents.TICKET_OPENED);
            KafkaTopics.Reader.Message assigned = events.await(id, TicketEvents.TICKET_ASSIGNED);

            assertThat(opened.value().path("specversion").asText()).isEqualTo("1.0");
            assertThat(opened.value().path("source").asText()).isEqualTo("/crm/tickets-service");
            assertThat(opened.value().path("subject").asText()).isEqualTo(id);
            assertThat(opened.value().path("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(opened.value().path("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(opened.headers().get("content-type")).startsWith("application/cloudevents+json");
            assertThat(opened.data().path("contactId").asText()).isEqualTo(contact);
            assertThat(opened.data().path("number").asLong()).isEqualTo(1);
            assertThat(opened.data().path("channel").asText()).isEqualTo("email");
            assertThat(opened.data().path("priority").asText()).isEqualTo("low");
            assertThat(opened.data().path("queueId").asText()).isEqualTo(queue);
            assertThat(opened.data().path("queueName").asText()).isEqualTo("Hamburg");
            assertThat(opened.data().path("rule").asText()).isEqualTo("Hamburg store");
            assertThat(assigned.data().path("assigneeId").asText()).isEqualTo("hanna");
            assertThat(assigned.data().path("reason").asText()).isEqualTo("round_robin");
            assertThat(assigned.data().path("contactId").asText()).isEqualTo(contact);
        }
    }

    @Test
    void shouldPublishEachWorkflowStepWithTheContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();

        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            String id = Api.openTicket(agent, "Lenker wackelt", "\"contactId\":\"" + contact + "\"");
            String path = "/api/v1/tickets/" + id;
            Api.post(agent, path + "/comments", "{\"body\":\"intern\",\"visibility\":\"internal\"}").statusCode(201);
            Api.post(agent, path + "/comments", "{\"body\":\"Bitte kommen Sie vorbei.\"}").statusCode(201);
            Api.post(agent, path + "/status", "{\"status\":\"pending_customer\"}").statusCode(200);
            Api.post(agent, path + "/status", "{\"status\":\"resolved\"}").statusCode(200);
            Api.post(agent, path + "/reopen", "{}").statusCode(200);
            Api.post(agent, path + "/status", "{\"status\":\"closed\"}").statusCode(200);
            Api.post(agent, path + "/rating", "{\"rating\":5,\"comment\":\"Top\"}").statusCode(200);

            events.await(id, TicketEvents.TICKET_RATED);
            assertThat(events.typesOf(id)).containsExactly(
                    TicketEvents.TICKET_OPENED,
                    TicketEvents.TICKET_COMMENTED,
                    TicketEvents.TICKET_STATUS_CHANGED,
                    TicketEvents.TICKET_STATUS_CHANGED,
                    TicketEvents.TICKET_STATUS_CHANGED,
                    TicketEvents.TICKET_RESOLVED,
                    TicketEvents.TICKET_STATUS_CHANGED,
                    TicketEvents.TICKET_REOPENED,
                    TicketEvents.TICKET_STATUS_CHANGED,
                    TicketEvents.TICKET_CLOSED,
                    TicketEvents.TICKET_RATED);
            events.of(id).forEach(m -> assertThat(m.data().path("contactId").asText()).as(m.type()).isEqualTo(contact));
            var commented = events.await(id, TicketEvents.TICKET_COMMENTED);
            assertThat(commented.data().path("firstResponse").asBoolean()).isTrue();
            assertThat(commented.raw()).doesNotContain("vorbei");
            var firstChange = events.of(id).get(2);
            assertThat(firstChange.data().path("from").asText()).isEqualTo("new");
            assertThat(firstChange.data().path("to").asText()).isEqualTo("open");
            var resolved = events.await(id, TicketEvents.TICKET_RESOLVED);
            assertThat(resolved.data().path("firstResponseSlaMet").asBoolean()).isTrue();
            assertThat(resolved.data().path("firstResponseBusinessMinutes").isNumber()).isTrue();
            assertThat(resolved.data().path("resolutionBusinessMinutes").isNumber()).isTrue();
            var rated = events.await(id, TicketEvents.TICKET_RATED);
            assertThat(rated.data().path("rating").asInt()).isEqualTo(5);
            assertThat(rated.raw()).doesNotContain("Top");
        }
    }
}
