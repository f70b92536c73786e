package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The acceptance journey of issue 4 across services, only through the gateway: an anonymous visitor's web-form
 * submission with a Hamburg postal code reaches the Hamburg franchisee's rep, stays untouched past its
 * one-minute speed-to-lead target and is escalated exactly once to the next rep, who contacts, qualifies and
 * converts it; contacts-service then holds the new customer with the conversion on its timeline. Nothing is
 * shortened: the minute really passes, so the waits are generous.
 */
class LeadToCustomerJourneyTests {

    private static final Duration SLA_WAIT = Duration.ofMinutes(4);
    private static final Duration EVENT_WAIT = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofSeconds(1);

    @Test
    void shouldTakeAHamburgWebLeadThroughEscalationToACustomerWithTheLeadOnItsTimeline() {
        TestTenant tenant = Crm.newTenant();
        String hamburg = tenant.unit("hamburg");
        String admin = tenant.hqToken("admin");
        String repAnna = tenant.unitToken("hamburg", "agent");
        String repBen = tenant.unitToken("hamburg", "agent");
        String unitManager = tenant.unitToken("hamburg", "manager");
        String munichManager = tenant.unitToken("munich", "manager");

        // The tenant's rules, set by HQ as an admin would in the console: two territories by postal code, the
        // Hamburg reps in rotation, a one-minute target on an always-open calendar that escalates to the next rep.
        put(admin, "/api/v1/leads/config/territories", "{\"territories\":[{\"id\":\"hamburg\",\"unitId\":\"" + hamburg
                + "\",\"postalCodePrefixes\":[\"20\",\"21\",\"22\"]},{\"id\":\"munich\",\"unitId\":\""
                + tenant.unit("munich") + "\",\"postalCodePrefixes\":[\"80\",\"81\"]}]}").statusCode(200);
        put(admin, "/api/v1/leads/config/routing", "{\"units\":[{\"unitId\":\"" + hamburg + "\",\"strategy\":"
                + "\"round_robin\",\"reps\":[{\"userId\":\"" + subject(repAnna) + "\",\"capacity\":20},{\"userId\":\""
                + subject(repBen) + "\",\"capacity\":20}]}]}").statusCode(200);
        put(admin, "/api/v1/leads/config/sla", alwaysOpenSla(1, 0.75, "next_rep")).statusCode(200);
        String formKey = post(admin, "/api/v1/forms", webForm()).statusCode(201).extract().path("formKey");

        // The visitor has no token: the form is read and submitted through the gateway's public door.
        String renderedAt = Crm.gateway().when().get("/public/v1/forms/" + formKey)
                .then().statusCode(200).extract().path("renderedAt");
        Crm.gateway().contentType(ContentType.JSON).body(submission(renderedAt))
                .when().post("/public/v1/forms/" + formKey)
                .then().statusCode(202);

        // Routed by postal code to the Hamburg unit and, by rotation, to its first rep.
        String[] found = new String[1];
        Awaitility.await().atMost(EVENT_WAIT).pollInterval(POLL).untilAsserted(() ->
                found[0] = get(repAnna, "/api/v1/leads?view=mine").statusCode(200).body("items", hasSize(1))
                        .extract().path("items[0].id"));
        String id = found[0];
        String lead = "/api/v1/leads/" + id;
        get(repAnna, lead).statusCode(200)
                .body("unitId", equalTo(hamburg))
                .body("territoryId", equalTo("hamburg"))
                .body("channel", equalTo("website"))
                .body("formKey", equalTo(formKey))
                .body("status", equalTo("new"))
                .body("ownerId", equalTo(subject(repAnna)))
                .body("sla.minutes", equalTo(1));
        // The Munich franchisee does not even learn that the lead exists.
        get(munichManager, lead).statusCode(404);

        // Nobody touches it: the target passes, the unit's manager sees the breach and the next rep owns the lead.
        Awaitility.await().atMost(SLA_WAIT).pollInterval(POLL).untilAsserted(() ->
                get(unitManager, lead).statusCode(200).body("sla.state", equalTo("breached")));
        get(unitManager, lead).statusCode(200)
                .body("ownerId", equalTo(subject(repBen)))
                .body("status", equalTo("new"))
                .body("sla.breachedAt", notNullValue());
        get(unitManager, "/api/v1/leads?view=breached").statusCode(200).body("items.id", equalTo(List.of(id)));
        get(repAnna, "/api/v1/leads?view=mine").statusCode(200).body("items", hasSize(0));
        get(repBen, "/api/v1/leads?view=mine").statusCode(200).body("items.id", equalTo(List.of(id)));

        post(repBen, lead + "/contact", "{\"note\":\"Test ride on Saturday\"}").statusCode(200)
                .body("status", equalTo("contacted"));
        post(repBen, lead + "/qualify", "{}").statusCode(200).body("status", equalTo("qualified"));
        post(repBen, lead + "/convert", "{\"openOpportunity\":false}").statusCode(200)
                .body("status", equalTo("converted"));

        // Escalated exactly once: by now the lead has lived well past its target and left the new status.
        List<String> kinds = get(repBen, lead + "/activities?limit=200").statusCode(200).extract().path("items.kind");
        assertThat(kinds).as("the lead's history").contains("capture", "status_changed");
        assertThat(kinds.stream().filter("sla_breached"::equals)).as("SLA breaches of the lead").hasSize(1);

        // contacts-service turns the conversion into a customer and answers with the link, which leads-service
        // records on the lead: the contact id comes back only through Kafka, both ways.
        String[] contact = new String[1];
        Awaitility.await().atMost(EVENT_WAIT).pollInterval(POLL).untilAsserted(() ->
                contact[0] = get(repBen, lead).statusCode(200).body("contactId", notNullValue())
                        .extract().path("contactId"));
        String contactPath = "/api/v1/contacts/" + contact[0];
        get(repBen, contactPath).statusCode(200)
                .body("unitId", equalTo(hamburg))
                .body("lastName", equalTo("Schulz"))
                .body("email", equalTo("jana.schulz@example.com"))
                .body("ownerId", equalTo(subject(repBen)));
        get(munichManager, contactPath).statusCode(404);

        List<Map<String, Object>> timeline = get(repBen, contactPath + "/timeline?limit=200").statusCode(200)
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> conversions = timeline.stream()
                .filter(entry -> "lead_converted".equals(entry.get("kind")) && id.equals(entry.get("leadId")))
                .toList();
        assertThat(conversions).as("the conversion on the contact's timeline %s", timeline).hasSize(1);
        assertThat(conversions.get(0)).containsEntry("source", "leads-service")
                .containsEntry("outcome", "contact created")
                .containsEntry("unitId", hamburg);
    }

    /** Always open, so the minute passes whatever the day and hour the test runs. */
    static String alwaysOpenSla(int minutes, double warningShare, String escalation) {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.append(week.length() == 0 ? "" : ",").append("{\"day\":\"").append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"24:00\"}");
        }
        return "{\"calendar\":{\"zone\":\"Europe/Berlin\",\"week\":[" + week + "],\"holidays\":[]},\"defaultMinutes\":"
                + minutes + ",\"warningShare\":" + warningShare + ",\"escalation\":\"" + escalation + "\"}";
    }

    /** A test-ride form for the whole brand (no unit), so the postal code decides where the lead goes. */
    private static String webForm() {
        return """
                {"name":"Probefahrt","title":"Jetzt Probefahrt vereinbaren",
                 "fields":[{"name":"firstName","label":"Vorname"},{"name":"lastName","label":"Nachname","required":true},
                           {"name":"email","label":"E-Mail","required":true},{"name":"postalCode","label":"PLZ","required":true},
                           {"name":"productsOfInterest","label":"Modell","options":["EB-CARGO-500","EB-TOUR-300"]}],
                 "consentText":"Veloce darf mich kontaktieren.","consentVersion":"2026-01","consentRequired":true,
                 "minimumFillSeconds":0,"honeypotField":"website"}""";
    }

    /** What the visitor's browser sends: the signed renderedAt, a Hamburg postal code, an empty honeypot. */
    private static String submission(String renderedAt) {
        return """
                {"renderedAt":"%s","values":{"firstName":"Jana","lastName":"Schulz","email":"jana.schulz@example.com",
                 "postalCode":"20095","productsOfInterest":["EB-CARGO-500"],"website":""},"consent":true}"""
                .formatted(renderedAt);
    }

    private static ValidatableResponse get(String token, String path) {
        return Crm.gateway(token).when().get(path).then();
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return Crm.gateway(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static ValidatableResponse put(String token, String path, String body) {
        return Crm.gateway(token).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    /** The token's subject: the user id leads-service uses as a lead's owner. */
    static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }
}
