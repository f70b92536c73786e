package crm.contacts.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.support.Events;
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
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class InteractionTimelineTests {

    static String interaction(String contactId, String kind, String occurredAt, String summary) {
        return """
                {"contactId": "%s", "kind": "%s", "direction": "inbound", "occurredAt": "%s", "summary": "%s",
                 "outcome": "done"}""".formatted(contactId, kind, occurredAt, summary);
    }

    @Test
    void shouldLogAnInteractionAndShowItOnTheContactsTimeline() {
        String token = TestTenant.create(DevStack.shared()).unitToken("hamburg", "agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");

        String location = Api.post(token, "/api/v1/interactions",
                        interaction(contact, "call", "2026-11-27T10:15:30Z", "Asked about the service interval"))
                .statusCode(201)
                .body("authorId", notNullValue())
                .body("unitId", notNullValue())
                .extract().header("Location");

        Api.get(token, location).statusCode(200).body("kind", equalTo("call")).body("summary",
                equalTo("Asked about the service interval"));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("call"))
                .body("items[0].direction", equalTo("inbound"))
                .body("items[0].summary", equalTo("Asked about the service interval"))
                .body("items[0].source", equalTo("contacts-service"))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldPageTheTimelineNewestFirstWithStableCursors() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");
        for (int day = 1; day <= 5; day++) {
            Api.post(token, "/api/v1/interactions",
                    interaction(contact, day % 2 == 0 ? "email" : "note", "2026-11-0" + day + "T09:00:00Z", "day " + day))
                    .statusCode(201);
        }

        List<String> summaries = new ArrayList<>();
        String cursor = null;
        do {
            var page = Api.get(token, "/api/v1/contacts/" + contact + "/timeline?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200).extract();
            summaries.addAll(page.path("items.summary"));
            cursor = page.path("nextCursor");
            // An entry logged while paging (older than everything) must not shift the pages already read.
            if (summaries.size() == 2) {
                Api.post(token, "/api/v1/interactions", interaction(contact, "note", "2026-10-01T09:00:00Z", "older"))
                        .statusCode(201);
            }
        } while (cursor != null);

        assertThat(summaries).containsExactly("day 5", "day 4", "day 3", "day 2", "day 1", "older");
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline?kind=email").statusCode(200)
                .body("items.summary", equalTo(List.of("day 4", "day 2")));
    }

    @Test
    void shouldShowTheEntriesOfItsContactsOnACompanysTimeline() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String company = Api.create(token, "/api/v1/companies", "{\"name\":\"Velo AG\"}");
        String contact = Api.create(token, "/api/v1/contacts",
                "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\",\"companyId\":\"" + company + "\"}");
        Api.post(token, "/api/v1/interactions", interaction(contact, "meeting", "2026-11-02T09:00:00Z", "contact's"))
                .statusCode(201);
        Api.post(token, "/api/v1/interactions", """
                {"companyId": "%s", "kind": "letter", "direction": "outbound", "occurredAt": "2026-11-03T09:00:00Z",
                 "summary": "company's"}""".formatted(company)).statusCode(201);

        Api.get(token, "/api/v1/companies/" + company + "/timeline").statusCode(200)
                .body("items.summary", equalTo(List.of("company's", "contact's")));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline").statusCode(200)
                .body("items.summary", equalTo(List.of("contact's")));
    }

    @Test
    void shouldHideTimelinesAndInteractionsOfOtherTenantsAndUnits() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String munich = tenant.unitToken("munich", "agent");
        String contact = Api.create(munich, "/api/v1/contacts", "{\"firstName\":\"Sepp\",\"lastName\":\"Huber\"}");
        String interaction = Api.create(munich, "/api/v1/interactions",
                interaction(contact, "call", "2026-11-02T09:00:00Z", "private"));
        String hamburg = tenant.unitToken("hamburg", "agent");
        String otherTenant = TestTenant.create(DevStack.shared()).hqToken("admin");

        for (String stranger : List.of(hamburg, otherTenant)) {
            Api.get(stranger, "/api/v1/contacts/" + contact + "/timeline").statusCode(404)
                    .contentType("application/problem+json");
            Api.get(stranger, "/api/v1/interactions/" + interaction).statusCode(404);
            Api.post(stranger, "/api/v1/interactions", interaction(contact, "call", "2026-11-02T09:00:00Z", "x"))
                    .statusCode(400).body("errors[0].field", equalTo("contactId"));
        }
        Api.get(tenant.hqToken("manager"), "/api/v1/contacts/" + contact + "/timeline").statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ada\",\"lastName\":\"Lang\"}");

        Api.post(token, "/api/v1/interactions", "{\"kind\": \"call\"}").statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        Api.post(token, "/api/v1/interactions", "{\"contactId\": \"" + contact + "\", \"kind\": \"fax\"}")
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        Api.post(token, "/api/v1/interactions", "{\"contactId\": \"" + contact + "\", \"kind\": \"note\", \"summary\": \""
                + "x".repeat(4001) + "\"}").statusCode(400).body("errors[0].field", equalTo("summary"));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline?kind=gossip").statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline?cursor=bm90IGEgY3Vyc29y").statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline?limit=201").statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Api.post(TestTenant.create(DevStack.shared()).hqToken("integration"), "/api/v1/interactions",
                interaction(contact, "call", "2026-11-02T09:00:00Z", "x")).statusCode(403);
    }

    @Test
    void shouldPublishTheInteractionWithoutItsSummary() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Kai\",\"lastName\":\"Berg\"}");
        try (Events.Reader events = Events.read("crm.contacts")) {
            String id = Api.create(token, "/api/v1/interactions",
                    interaction(contact, "chat", "2026-11-02T09:00:00Z", "secret words"));

            JsonNode event = events.awaitOne(Events.of("crm.interaction.logged.v1", "interactionId", id));

            assertThat(event.get("subject").asText()).isEqualTo(contact);
            assertThat(event.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(event.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(event.get("data").get("kind").asText()).isEqualTo("chat");
            assertThat(event.get("data").has("summary")).isFalse();
            assertThat(event.toString()).doesNotContain("secret words");
        }
    }
}
