package crm.contacts.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Lead and ticket events of the other services become timeline entries of the contacts they name. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class TimelineProjectionTests {

    static String contact(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}")
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static void awaitTimeline(String token, String contact, int entries) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/contacts/" + contact + "/timeline")
                        .then().statusCode(200).body("items", hasSize(entries)));
    }

    @Test
    void shouldProjectLeadAndTicketEventsOntoTheContactsTimeline() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        String contact = contact(token);
        String ticket = UUID.randomUUID().toString();
        String lead = UUID.randomUUID().toString();

        Events.publish("crm.leads", lead, Events.cloudEvent("crm.lead.captured.v1", "/crm/leads-service", lead,
                tenant.id(), tenant.unit("hamburg"), """
                {"leadId": "%s", "channel": "website", "contactId": "%s", "score": 40,
                 "capturedAt": "2026-11-01T09:00:00Z"}""".formatted(lead, contact)));
        Events.publish("crm.tickets", ticket, Events.cloudEvent("crm.ticket.opened.v1", "/crm/tickets-service", ticket,
                tenant.id(), tenant.unit("hamburg"), """
                {"ticketId": "%s", "number": "T-1001", "contactId": "%s", "subject": "Brakes squeak",
                 "priority": "high", "openedAt": "2026-11-02T09:00:00Z"}""".formatted(ticket, contact)));
        Events.publish("crm.tickets", ticket, Events.cloudEvent("crm.ticket.resolved.v1", "/crm/tickets-service", ticket,
                tenant.id(), tenant.unit("hamburg"), """
                {"ticketId": "%s", "contactId": "%s", "resolvedAt": "2026-11-03T09:00:00Z"}"""
                        .formatted(ticket, contact)));

        awaitTimeline(token, contact, 3);
        given().auth().oauth2(token).when().get("/api/v1/contacts/" + contact + "/timeline").then()
                .body("items.kind", equalTo(List.of("ticket_resolved", "ticket_opened", "lead_captured")))
                .body("items[1].summary", equalTo("Ticket T-1001 opened: Brakes squeak"))
                .body("items[1].ticketId", equalTo(ticket))
                .body("items[1].source", equalTo("tickets-service"))
                .body("items[2].leadId", equalTo(lead))
                .body("items[2].occurredAt", equalTo("2026-11-01T09:00:00Z"));
    }

    @Test
    void shouldIgnoreEventsOfUnknownContactsAndRedeliveries() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String contact = contact(token);
        String otherTenantsContact = contact(TestTenant.create(DevStack.shared()).hqToken("agent"));
        String opportunity = UUID.randomUUID().toString();
        String won = Events.cloudEvent("crm.opportunity.won.v1", "/crm/leads-service", opportunity, tenant.id(), null,
                """
                {"opportunityId": "%s", "contactId": "%s", "amount": 2499.00, "currency": "EUR",
                 "wonAt": "2026-11-05T09:00:00Z"}""".formatted(opportunity, contact));

        Events.publish("crm.leads", opportunity, won);
        Events.publish("crm.leads", opportunity, won);
        Events.publish("crm.leads", opportunity, Events.cloudEvent("crm.opportunity.lost.v1", "/crm/leads-service",
                opportunity, tenant.id(), null, "{\"opportunityId\": \"%s\", \"contactId\": \"%s\"}"
                        .formatted(opportunity, otherTenantsContact)));
        Events.publish("crm.leads", opportunity, Events.cloudEvent("crm.opportunity.lost.v1", "/crm/leads-service",
                opportunity, tenant.id(), null, "{\"opportunityId\": \"%s\", \"contactId\": null}".formatted(opportunity)));
        // A marker after the repeats: once it is on the timeline, everything before it was processed.
        Events.publish("crm.leads", opportunity, Events.cloudEvent("crm.lead.status-changed.v1", "/crm/leads-service",
                opportunity, tenant.id(), null, "{\"leadId\": \"%s\", \"contactId\": \"%s\", \"from\": \"new\","
                        .formatted(UUID.randomUUID(), contact) + " \"to\": \"contacted\"}"));

        awaitTimeline(token, contact, 2);
        given().auth().oauth2(token).when().get("/api/v1/contacts/" + contact + "/timeline").then()
                .body("items.kind", equalTo(List.of("lead_status_changed", "opportunity_won")))
                .body("items[1].summary", equalTo("Opportunity won (2499.00 EUR)"));
    }

    @Test
    void shouldParkAnUnreadableEventInTheDeadLetterTopicAndKeepConsuming() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String contact = contact(token);
        String key = "poison-" + UUID.randomUUID();
        try (Events.Reader dlq = Events.read("crm.tickets.dlq")) {
            Events.publish("crm.tickets", key, "{not a cloud event");
            String ticket = UUID.randomUUID().toString();
            Events.publish("crm.tickets", key, Events.cloudEvent("crm.ticket.closed.v1", "/crm/tickets-service", ticket,
                    tenant.id(), null, "{\"ticketId\": \"%s\", \"contactId\": \"%s\"}".formatted(ticket, contact)));

            awaitTimeline(token, contact, 1);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    dlq.rawValues().contains("{not a cloud event"));
        }
    }
}
