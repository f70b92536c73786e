package crm.contacts.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** crm.lead.converted.v1 links the lead's person to a contact, creating contact and company when needed. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class LeadConversionTests {

    static String converted(String leadId, String contactId, String email, String companyName, String domain) {
        return """
                {"leadId": "%s", "contactId": %s,
                 "person": {"salutation": "Frau", "firstName": "Mia", "lastName": "Vogel", "email": %s,
                            "phone": "040 5550199"},
                 "company": {"name": %s, "domain": %s, "size": "10-49"},
                 "postalCode": "20095", "city": "Hamburg", "countryCode": "DE", "channel": "website",
                 "ownerId": "sales-7", "opportunityId": null, "convertedAt": "2026-11-20T09:00:00Z"}"""
                .formatted(leadId, quoted(contactId), quoted(email), quoted(companyName), quoted(domain));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static void publishConversion(TestTenant tenant, String unit, String leadId, String data) {
        Events.publish("crm.leads", leadId, Events.cloudEvent("crm.lead.converted.v1", "/crm/leads-service", leadId,
                tenant.id(), unit, data));
    }

    @Test
    void shouldCreateContactAndCompanyForANewPerson() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "manager");
        String leadId = UUID.randomUUID().toString();
        String email = "mia." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Events.Reader events = Events.read("crm.contacts")) {
            publishConversion(tenant, tenant.unit("hamburg"), leadId, converted(leadId, null, email, "Vogel Rad GmbH",
                    "vogel-rad.example"));

            JsonNode linked = events.awaitOne(Events.of("crm.contact.lead-linked.v1", "leadId", leadId));

            assertThat(linked.get("data").get("created").asBoolean()).isTrue();
            assertThat(linked.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            String contact = linked.get("data").get("contactId").asText();
            String company = linked.get("data").get("companyId").asText();
            given().auth().oauth2(token).when().get("/api/v1/contacts/" + contact).then().statusCode(200)
                    .body("lastName", equalTo("Vogel")).body("email", equalTo(email))
                    .body("phone", equalTo("+49405550199")).body("companyId", equalTo(company))
                    .body("unitId", equalTo(tenant.unit("hamburg"))).body("ownerId", equalTo("sales-7"));
            given().auth().oauth2(token).when().get("/api/v1/companies/" + company).then().statusCode(200)
                    .body("name", equalTo("Vogel Rad GmbH")).body("domain", equalTo("vogel-rad.example"));
            given().auth().oauth2(token).when().get("/api/v1/contacts/" + contact + "/timeline").then()
                    .statusCode(200).body("items[0].kind", equalTo("lead_converted"))
                    .body("items[0].leadId", equalTo(leadId));
            events.awaitOne(Events.of("crm.contact.created.v1", "contactId", contact));
        }
    }

    @Test
    void shouldLinkAnExistingContactByEmailAndReuseTheCompanyByDomain() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("manager");
        String email = "known." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String existing = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Mia\",\"lastName\":\"Vogel\",\"email\":\"" + email + "\"}")
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String company = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Rad AG\",\"domain\":\"rad-ag.example\"}")
                .when().post("/api/v1/companies").then().statusCode(201).extract().path("id");
        try (Events.Reader events = Events.read("crm.contacts")) {
            String byEmail = UUID.randomUUID().toString();
            publishConversion(tenant, null, byEmail, converted(byEmail, null, email.toUpperCase(), "Other", null));
            JsonNode linked = events.awaitOne(Events.of("crm.contact.lead-linked.v1", "leadId", byEmail));
            assertThat(linked.get("data").get("contactId").asText()).isEqualTo(existing);
            assertThat(linked.get("data").get("created").asBoolean()).isFalse();

            String byDomain = UUID.randomUUID().toString();
            publishConversion(tenant, null, byDomain, converted(byDomain, null, "new-" + email, "Rad AG Hamburg",
                    "rad-ag.example"));
            JsonNode created = events.awaitOne(Events.of("crm.contact.lead-linked.v1", "leadId", byDomain));
            assertThat(created.get("data").get("created").asBoolean()).isTrue();
            assertThat(created.get("data").get("companyId").asText()).isEqualTo(company);

            String named = UUID.randomUUID().toString();
            publishConversion(tenant, null, named, converted(named, existing, "someone-else@example.com", null, null));
            JsonNode byId = events.awaitOne(Events.of("crm.contact.lead-linked.v1", "leadId", named));
            assertThat(byId.get("data").get("contactId").asText()).isEqualTo(existing);
        }
    }
}
