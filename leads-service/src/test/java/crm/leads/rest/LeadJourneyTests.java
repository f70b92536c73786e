package crm.leads.rest;

import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static crm.leads.support.Api.put;
import static crm.leads.support.Api.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.events.LeadEvents;
import crm.leads.support.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance journey of issue 4 as far as leads-service goes: a visitor's web-form submission with a
 * Hamburg postal code reaches the Hamburg franchisee's rep, breaches its one-minute speed-to-lead target
 * untouched and is escalated exactly once to the next rep, who contacts, qualifies and converts it; the
 * conversion is on Kafka for contacts-service. Nothing is shortened: the minute really passes.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadJourneyTests {

    @Test
    void shouldTakeAHamburgWebLeadFromFormThroughEscalationToConversion() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unit("hamburg");
        String admin = tenant.hqToken("admin");
        String repAnna = tenant.unitToken("hamburg", "agent");
        String repBen = tenant.unitToken("hamburg", "agent");
        String unitManager = tenant.unitToken("hamburg", "manager");
        put(admin, "/api/v1/leads/config/territories", null, "{\"territories\":[{\"id\":\"hamburg\",\"unitId\":\""
                + hamburg + "\",\"postalCodePrefixes\":[\"20\",\"21\",\"22\"]},{\"id\":\"munich\",\"unitId\":\""
                + tenant.unit("munich") + "\",\"postalCodePrefixes\":[\"80\",\"81\"]}]}").statusCode(200);
        put(admin, "/api/v1/leads/config/routing", null, "{\"units\":[{\"unitId\":\"" + hamburg + "\",\"strategy\":"
                + "\"round_robin\",\"reps\":[{\"userId\":\"" + subject(repAnna) + "\",\"capacity\":20},{\"userId\":\""
                + subject(repBen) + "\",\"capacity\":20}]}]}").statusCode(200);
        put(admin, "/api/v1/leads/config/sla", null, SlaTests.alwaysOpenSla(1, 0.75, "next_rep")).statusCode(200);
        String formKey = WebFormTests.createForm(admin, WebFormTests.form(0, null));

        try (Events events = Events.ofLeads()) {
            String renderedAt = given().when().get("/public/v1/forms/" + formKey).then().statusCode(200)
                    .extract().path("renderedAt");
            given().contentType(ContentType.JSON)
                    .body(WebFormTests.submission(renderedAt, "Schulz", "jana.schulz@example.com", "20095", ""))
                    .when().post("/public/v1/forms/" + formKey).then().statusCode(202);

            String id = get(repAnna, "/api/v1/leads?view=mine").statusCode(200).body("items", hasSize(1))
                    .body("items[0].unitId", equalTo(hamburg))
                    .body("items[0].territoryId", equalTo("hamburg"))
                    .body("items[0].channel", equalTo("website"))
                    .body("items[0].sla.minutes", equalTo(1))
                    .extract().path("items[0].id");
            JsonNode assigned = events.await(id, LeadEvents.LEAD_ASSIGNED);
            assertThat(assigned.get("data").get("ownerId").asText()).isEqualTo(subject(repAnna));
            assertThat(assigned.get("data").get("reason").asText()).contains("territory hamburg");

            JsonNode breach = events.await(id, LeadEvents.LEAD_SLA_BREACHED, Duration.ofMinutes(3));
            assertThat(breach.get("data").get("ownerId").asText()).isEqualTo(subject(repAnna));
            assertThat(breach.get("data").get("escalatedTo").asText()).isEqualTo(subject(repBen));
            get(unitManager, "/api/v1/leads?view=breached").statusCode(200).body("items.id", equalTo(List.of(id)));
            get(repAnna, "/api/v1/leads?view=mine").statusCode(200).body("items", hasSize(0));
            get(repBen, "/api/v1/leads?view=mine").statusCode(200).body("items.id", equalTo(List.of(id)));

            post(repBen, "/api/v1/leads/" + id + "/contact", "{\"note\":\"Test ride on Saturday\"}").statusCode(200);
            post(repBen, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200);
            post(repBen, "/api/v1/leads/" + id + "/convert", "{\"openOpportunity\":false}").statusCode(200)
                    .body("status", equalTo("converted"));

            JsonNode converted = events.await(id, LeadEvents.LEAD_CONVERTED);
            assertThat(converted.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(converted.get("unitid").asText()).isEqualTo(hamburg);
            assertThat(converted.get("data").get("person").get("email").asText()).isEqualTo("jana.schulz@example.com");
            assertThat(converted.get("data").get("postalCode").asText()).isEqualTo("20095");
            assertThat(converted.get("data").get("ownerId").asText()).isEqualTo(subject(repBen));
            assertThat(events.all(id).stream().filter(e -> e.get("type").asText().equals(LeadEvents.LEAD_SLA_BREACHED)))
                    .as("escalated exactly once").hasSize(1);
        }
    }
}
