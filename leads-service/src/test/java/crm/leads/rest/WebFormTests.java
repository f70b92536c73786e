package crm.leads.rest;

import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static crm.leads.support.Api.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class WebFormTests {

    static String form(int minimumFillSeconds, String unitId) {
        return """
                {"name":"Probefahrt","title":"Jetzt Probefahrt vereinbaren",
                 "fields":[{"name":"firstName","label":"Vorname"},{"name":"lastName","label":"Nachname","required":true},
                           {"name":"email","label":"E-Mail","required":true},{"name":"postalCode","label":"PLZ","required":true},
                           {"name":"productsOfInterest","label":"Modell","options":["EB-CARGO-500","EB-TOUR-300"]}],
                 "consentText":"Veloce darf mich kontaktieren.","consentVersion":"2026-01","consentRequired":true,
                 "minimumFillSeconds":%d,"honeypotField":"website"%s}"""
                .formatted(minimumFillSeconds, unitId == null ? "" : ",\"unitId\":\"" + unitId + "\"");
    }

    static String createForm(String adminToken, String body) {
        return post(adminToken, "/api/v1/forms", body).statusCode(201).extract().path("formKey");
    }

    static String renderedAt(String formKey) {
        return given().when().get("/public/v1/forms/" + formKey).then().statusCode(200).extract().path("renderedAt");
    }

    static ValidatableResponse submit(String formKey, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/public/v1/forms/" + formKey).then();
    }

    static String submission(String renderedAt, String lastName, String email, String postalCode, String honeypot) {
        return """
                {"renderedAt":"%s","values":{"firstName":"Jana","lastName":"%s","email":"%s","postalCode":"%s",
                 "productsOfInterest":["EB-CARGO-500"],"website":"%s"},"consent":true}"""
                .formatted(renderedAt, lastName, email, postalCode, honeypot);
    }

    @Test
    void shouldCreateAFormWithItsPublicUrlAndEmbedSnippet() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin");

        String key = post(admin, "/api/v1/forms", form(3, null)).statusCode(201)
                .header("Location", containsString("/api/v1/forms/")).header("ETag", "\"1\"")
                .body("formKey", matchesPattern("f[a-z0-9]{19}"))
                .body("channel", equalTo("website"))
                .body("publicUrl", containsString("/public/v1/forms/"))
                .body("embedSnippet", containsString("<form id=\"crm-form-"))
                .extract().path("formKey");

        get(admin, "/api/v1/forms/" + key).statusCode(200).body("embedSnippet", containsString(key))
                .body("fields", hasSize(5));
        get(admin, "/api/v1/forms").statusCode(200).body("items.formKey", hasItem(key));
    }

    @Test
    void shouldServeTheDefinitionWithoutAToken() {
        String key = createForm(TestTenant.create(DevStack.shared()).hqToken("admin"), form(3, null));

        given().when().get("/public/v1/forms/" + key).then().statusCode(200)
                .body("title", equalTo("Jetzt Probefahrt vereinbaren"))
                .body("fields.name", hasItem("lastName"))
                .body("consent.text", equalTo("Veloce darf mich kontaktieren."))
                .body("consent.required", equalTo(true))
                .body("honeypotField", equalTo("website"))
                .body("renderedAt", notNullValue());
    }

    @Test
    void shouldCaptureASubmissionAsAWebLeadOfTheFormsTenant() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String key = createForm(admin, form(0, tenant.unit("hamburg")));

        submit(key, submission(renderedAt(key), "Schulz", "jana@example.com", "20095", "")).statusCode(202)
                .body("status", equalTo("received"));

        get(tenant.hqToken("agent"), "/api/v1/leads").statusCode(200).body("items", hasSize(1))
                .body("items[0].channel", equalTo("website"))
                .body("items[0].formKey", equalTo(key))
                .body("items[0].unitId", equalTo(tenant.unit("hamburg")))
                .body("items[0].routingReason", containsString("default unit of the form"))
                .body("items[0].productsOfInterest", equalTo(List.of("EB-CARGO-500")))
                .body("items[0].consent.given", equalTo(true))
                .body("items[0].consent.wordingVersion", equalTo("2026-01"))
                .body("items[0].consent.source", equalTo("web_form:" + key))
                .body("items[0].formFills", equalTo(1))
                .body("items[0].createdBy", equalTo("web-form:" + key));
        get(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAttachASecondSubmissionOfThePersonToTheirOpenLead() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String key = createForm(tenant.hqToken("admin"), form(0, null));

        submit(key, submission(renderedAt(key), "Schulz", "jana@example.com", "20095", "")).statusCode(202);
        submit(key, submission(renderedAt(key), "Schulz", "JANA@example.com", "20095", "")).statusCode(202);

        get(tenant.hqToken("agent"), "/api/v1/leads").statusCode(200).body("items", hasSize(1))
                .body("items[0].formFills", equalTo(2))
                .body("items[0].scoreExplanation.find { it.rule == 'engagement.formFills' }.points", equalTo(20));
    }

    @Test
    void shouldAcknowledgeBotsLikeHumansAndStoreNothing() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String key = createForm(tenant.hqToken("admin"), form(60, null));
        String served = renderedAt(key);
        String forged = (System.currentTimeMillis() - 120_000) + served.substring(served.indexOf('.'));

        submit(key, submission(served, "Bot", "bot1@example.com", "20095", "")).statusCode(202)
                .body("status", equalTo("received"));
        submit(key, submission(forged, "Bot", "bot2@example.com", "20095", "")).statusCode(202);
        submit(key, submission("", "Bot", "bot3@example.com", "20095", "")).statusCode(202);
        String quickKey = createForm(tenant.hqToken("admin"), form(0, null));
        submit(quickKey, submission(renderedAt(quickKey), "Bot", "bot4@example.com", "20095", "http://spam")).statusCode(202);
        submit(quickKey, submission(served, "Bot", "bot5@example.com", "20095", "")).statusCode(202);

        get(tenant.hqToken("agent"), "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldNameMissingValuesAndRequireConsent() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String key = createForm(tenant.hqToken("admin"), form(0, null));

        submit(key, "{\"renderedAt\":\"" + renderedAt(key) + "\",\"values\":{\"lastName\":\"Schulz\"},\"consent\":true}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("values.email")).body("errors.field", hasItem("values.postalCode"));
        submit(key, submission(renderedAt(key), "Schulz", "jana@example.com", "20095", "").replace("\"consent\":true",
                "\"consent\":false")).statusCode(400).body("errors.field", hasItem("consent"));
        submit(key, submission(renderedAt(key), "Schulz", "not-an-email", "20095", "")).statusCode(400)
                .body("errors.field", hasItem("values.email"));
        submit(key, submission(renderedAt(key), "Schulz", "jana@example.com", "20095", "")
                .replace("[\"EB-CARGO-500\"]", "[\"SOMETHING-ELSE\"]")).statusCode(400)
                .body("errors.field", hasItem("values.productsOfInterest"));
        submit(key, "{not json").statusCode(400).contentType("application/problem+json");
        get(tenant.hqToken("agent"), "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAnswer404ForUnknownAndDisabledForms() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String key = createForm(admin, form(0, null));
        String served = renderedAt(key);

        put(admin, "/api/v1/forms/" + key, "\"1\"", form(0, null).replace("\"honeypotField\"", "\"enabled\":false,"
                + "\"honeypotField\"")).statusCode(200).body("enabled", equalTo(false)).header("ETag", "\"2\"");

        given().when().get("/public/v1/forms/" + key).then().statusCode(404).contentType("application/problem+json");
        submit(key, submission(served, "Schulz", "jana@example.com", "20095", "")).statusCode(404);
        given().when().get("/public/v1/forms/fzzzzzzzzzzzzzzzzzzz").then().statusCode(404);
        given().when().get("/public/v1/forms/' or 1=1 --").then().statusCode(404);
        submit("fzzzzzzzzzzzzzzzzzzz", "{}").statusCode(404);
    }

    @Test
    void shouldKeepFormsToTheirTenantAndUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String key = createForm(tenant.unitToken("hamburg", "admin"), form(0, null));

        get(tenant.unitToken("hamburg", "admin"), "/api/v1/forms/" + key).statusCode(200)
                .body("unitId", equalTo(tenant.unit("hamburg")));
        get(tenant.hqToken("admin"), "/api/v1/forms/" + key).statusCode(200);
        get(tenant.unitToken("munich", "admin"), "/api/v1/forms/" + key).statusCode(404);
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/forms/" + key).statusCode(404);
        put(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/forms/" + key, null, form(0, null))
                .statusCode(404);
        post(tenant.unitToken("hamburg", "admin"), "/api/v1/forms", form(0, tenant.unit("munich"))).statusCode(403);
        post(tenant.hqToken("manager"), "/api/v1/forms", form(0, null)).statusCode(403);
        given().contentType(ContentType.JSON).body(form(0, null)).when().post("/api/v1/forms").then().statusCode(401);
    }

    @Test
    void shouldRefuseFormsThatCannotYieldLeads() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin");

        post(admin, "/api/v1/forms", "{\"name\":\"x\",\"title\":\"x\",\"fields\":[{\"name\":\"firstName\",\"label\":\"V\"}]}")
                .statusCode(400).body("errors.field", hasItem("fields"));
        post(admin, "/api/v1/forms", form(0, null).replace("\"honeypotField\":\"website\"", "\"honeypotField\":\"email\""))
                .statusCode(400).body("errors.field", hasItem("honeypotField"));
        post(admin, "/api/v1/forms", form(0, null).replace("\"consentText\":\"Veloce darf mich kontaktieren.\",", ""))
                .statusCode(400).body("errors.field", hasItem("consentText"));
        post(admin, "/api/v1/forms", form(0, null).replace("\"firstName\",\"label\"", "\"shoeSize\",\"label\""))
                .statusCode(400).contentType("application/problem+json");
        post(admin, "/api/v1/forms", form(-1, null)).statusCode(400).body("errors.field", hasItem("minimumFillSeconds"));
        post(admin, "/api/v1/forms", form(0, null).replace("\"name\":\"Probefahrt\"", "\"name\":\"Probefahrt\","
                + "\"campaignId\":\"" + UUID.randomUUID() + "\"")).statusCode(400).body("errors.field", hasItem("campaignId"));
        assertThat(get(admin, "/api/v1/forms").statusCode(200).extract().<List<?>>path("items")).isEmpty();
    }
}
