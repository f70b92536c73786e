package crm.contacts.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ConsentTests {

    private static final String GRANTED = """
            {"status": "granted", "source": "newsletter form", "wordingVersion": "2026-03"}""";

    @Test
    void shouldListEveryChannelAsUnknownUntilSomethingIsRecorded() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");

        Api.get(token, "/api/v1/contacts/" + contact + "/consents").statusCode(200)
                .body("items.channel", equalTo(List.of("email", "phone", "sms", "post")))
                .body("items.status", equalTo(List.of("unknown", "unknown", "unknown", "unknown")))
                .body("items.version", equalTo(List.of(0, 0, 0, 0)));
    }

    @Test
    void shouldRecordConsentWithItsHistoryOnTheTimeline() {
        String token = TestTenant.create(DevStack.shared()).unitToken("hamburg", "agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");

        Api.put(token, "/api/v1/contacts/" + contact + "/consents/email", "\"0\"", GRANTED).statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("granted")).body("source", equalTo("newsletter form"))
                .body("wordingVersion", equalTo("2026-03")).body("version", equalTo(1));
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/email", "\"1\"",
                "{\"status\": \"withdrawn\", \"source\": \"phone call\"}").statusCode(200).body("version", equalTo(2));

        Api.get(token, "/api/v1/contacts/" + contact + "/consents").statusCode(200)
                .body("items[0].status", equalTo("withdrawn")).body("items[1].status", equalTo("unknown"));
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline?kind=consent_changed").statusCode(200)
                .body("items", hasSize(2))
                .body("items.outcome", equalTo(List.of("withdrawn", "granted")));
    }

    @Test
    void shouldNotRecordTheSameStatementTwice() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}");

        Api.put(token, "/api/v1/contacts/" + contact + "/consents/sms", null, GRANTED).statusCode(200);
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/sms", null, GRANTED).statusCode(200)
                .body("version", equalTo(1));

        Api.get(token, "/api/v1/contacts/" + contact + "/timeline").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseALostUpdateAndBadInput() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Kai\",\"lastName\":\"Berg\"}");
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/post", null, GRANTED).statusCode(200);

        Api.put(token, "/api/v1/contacts/" + contact + "/consents/post", "\"0\"",
                "{\"status\": \"withdrawn\", \"source\": \"letter\"}").statusCode(412);
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/fax", null, GRANTED).statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/post", null, "{\"status\": \"maybe\", \"source\": \"x\"}")
                .statusCode(400).body("errors[0].field", equalTo("status"));
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/post", null, "{\"status\": \"granted\"}")
                .statusCode(400).body("errors[0].field", equalTo("source"));
        Api.put(token, "/api/v1/contacts/" + contact + "/consents/post", null,
                "{\"status\": \"granted\", \"source\": \"x\", \"changedAt\": \"2999-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors[0].field", equalTo("changedAt"));
    }

    @Test
    void shouldHideConsentsOfOtherTenantsAndUnits() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String contact = Api.create(tenant.unitToken("munich", "agent"), "/api/v1/contacts",
                "{\"firstName\":\"Sepp\",\"lastName\":\"Huber\"}");

        for (String stranger : List.of(tenant.unitToken("hamburg", "agent"),
                TestTenant.create(DevStack.shared()).hqToken("admin"))) {
            Api.get(stranger, "/api/v1/contacts/" + contact + "/consents").statusCode(404);
            Api.put(stranger, "/api/v1/contacts/" + contact + "/consents/email", null, GRANTED).statusCode(404);
        }
    }

    @Test
    void shouldPublishTheChange() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("integration");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ada\",\"lastName\":\"Lang\"}");
        try (Events.Reader events = Events.read("crm.contacts")) {
            Api.put(token, "/api/v1/contacts/" + contact + "/consents/email", null, GRANTED).statusCode(200);

            JsonNode event = events.awaitOne(Events.of("crm.consent.changed.v1", "contactId", contact));

            assertThat(event.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(event.get("data").get("channel").asText()).isEqualTo("email");
            assertThat(event.get("data").get("status").asText()).isEqualTo("granted");
            assertThat(event.get("data").get("previousStatus").asText()).isEqualTo("unknown");
            assertThat(event.get("data").get("wordingVersion").asText()).isEqualTo("2026-03");
        }
    }
}
