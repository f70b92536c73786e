package crm.leads.events;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The lead events on the real crm.leads topic, as CloudEvents from the outbox. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadEventsTests {

    @Test
    void shouldPublishCaptureScoreAndAssignmentAsCloudEvents() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        try (Events events = Events.ofLeads()) {
            String id = createLead(token, "{\"lastName\":\"Eva\",\"email\":\"eva@example.com\",\"postalCode\":\"20095\","
                    + "\"companyName\":\"Kraft AG\",\"companySize\":\"10-49\",\"productsOfInterest\":[\"EB-1\"],"
                    + "\"channel\":\"trade_fair\"}");

            JsonNode captured = events.await(id, LeadEvents.LEAD_CAPTURED);
            JsonNode scored = events.await(id, LeadEvents.LEAD_SCORED);
            JsonNode assigned = events.await(id, LeadEvents.LEAD_ASSIGNED);

            assertThat(captured.get("specversion").asText()).isEqualTo("1.0");
            assertThat(captured.get("source").asText()).isEqualTo("/crm/leads-service");
            assertThat(captured.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(captured.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            JsonNode data = captured.get("data");
            assertThat(data.get("leadId").asText()).isEqualTo(id);
            assertThat(data.get("channel").asText()).isEqualTo("trade_fair");
            assertThat(data.get("postalCode").asText()).isEqualTo("20095");
            assertThat(data.get("companySize").asText()).isEqualTo("10-49");
            assertThat(data.get("productsOfInterest").get(0).asText()).isEqualTo("EB-1");
            assertThat(data.get("upsell").asBoolean()).isFalse();
            assertThat(data.has("email")).as("no personal data in captured").isFalse();
            assertThat(scored.get("data").get("previousScore").isNull()).isTrue();
            assertThat(scored.get("data").get("explanation").get(0).get("rule").asText()).isEqualTo("engagement.recency");
            assertThat(assigned.get("data").get("queue").asText()).isEqualTo("unit");
            assertThat(assigned.get("data").get("reason").asText()).contains("unit set at capture");
        }
    }

    @Test
    void shouldPublishAttachedCapturesStatusChangesAndConversions() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        try (Events events = Events.ofLeads()) {
            String id = createLead(token, "{\"salutation\":\"Frau\",\"firstName\":\"Eva\",\"lastName\":\"Kraft\","
                    + "\"email\":\"eva.kraft@example.com\",\"companyName\":\"Kraft AG\",\"postalCode\":\"20095\","
                    + "\"city\":\"Hamburg\",\"countryCode\":\"DE\",\"channel\":\"event\"}");
            post(token, "/api/v1/leads", "{\"lastName\":\"Kraft\",\"email\":\"eva.kraft@example.com\","
                    + "\"channel\":\"website\"}").statusCode(200);
            post(token, "/api/v1/leads/" + id + "/contact", "{}").statusCode(200);
            post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200);
            post(token, "/api/v1/leads/" + id + "/convert", "{\"openOpportunity\":true}").statusCode(200);

            JsonNode attached = events.await(id, LeadEvents.LEAD_CAPTURE_ATTACHED);
            JsonNode converted = events.await(id, LeadEvents.LEAD_CONVERTED);

            assertThat(attached.get("data").get("channel").asText()).isEqualTo("website");
            assertThat(events.all(id).stream().filter(e -> e.get("type").asText().equals(LeadEvents.LEAD_STATUS_CHANGED))
                    .map(e -> e.get("data").get("to").asText())).containsExactly("contacted", "qualified", "converted");
            JsonNode contacted = events.all(id).stream()
                    .filter(e -> e.get("type").asText().equals(LeadEvents.LEAD_STATUS_CHANGED)).findFirst().orElseThrow();
            assertThat(contacted.get("data").get("firstContactAt").isNull()).isFalse();
            JsonNode data = converted.get("data");
            assertThat(data.get("contactId").isNull()).isTrue();
            assertThat(data.get("person").get("lastName").asText()).isEqualTo("Kraft");
            assertThat(data.get("person").get("email").asText()).isEqualTo("eva.kraft@example.com");
            assertThat(data.get("person").get("salutation").asText()).isEqualTo("Frau");
            assertThat(data.get("company").get("name").asText()).isEqualTo("Kraft AG");
            assertThat(data.get("city").asText()).isEqualTo("Hamburg");
            assertThat(data.get("channel").asText()).isEqualTo("event");
            assertThat(data.get("opportunityId").isNull()).isFalse();
        }
    }
}
