package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.TestDatabase;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class PrivacyTests {

    /** A person whose every personal value carries {@code marker}, with records of every kind about them. */
    record Person(String id, String marker, String phoneDigits, String ticketId) {
    }

    static Person personWithHistory(TestTenant tenant, String token) {
        String marker = "qxmark" + UUID.randomUUID().toString().substring(0, 8);
        String digits = String.valueOf(1_000_000 + (int) (Math.random() * 8_999_999));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", marker)
                .body("""
                        {"salutation": "Frau", "academicTitle": "Dr.", "firstName": "Anna%1$s", "lastName": "Berg%1$s",
                         "email": "%1$s@example.com", "phone": "+49170%2$s", "externalId": "ext-%1$s",
                         "addresses": [{"street": "%1$sstrasse 1", "postalCode": "20095", "city": "Hamburg",
                                        "country": "DE"}], "tags": ["%1$s"], "source": "fair %1$s"}"""
                        .formatted(marker, digits))
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Api.post(token, "/api/v1/interactions", """
                {"contactId": "%s", "kind": "call", "summary": "Talked to Anna%s", "outcome": "likes %s"}"""
                .formatted(id, marker, marker)).statusCode(201);
        Api.post(token, "/api/v1/tasks", """
                {"title": "Call Anna%s", "notes": "%s", "dueAt": "%s", "contactId": "%s"}"""
                .formatted(marker, marker, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3), id)).statusCode(201);
        Api.post(token, "/api/v1/purchases", """
                {"externalOrderId": "ORDER-%s", "contactEmail": "%s@example.com", "purchasedAt": "2026-11-27T10:00:00Z",
                 "channel": "online", "currency": "EUR", "lines": [{"sku": "BELL", "quantity": 1, "unitPrice": 9.50}]}"""
                .formatted(UUID.randomUUID(), marker)).statusCode(201);
        Api.put(token, "/api/v1/contacts/" + id + "/consents/email", null,
                "{\"status\": \"granted\", \"source\": \"signed by Anna" + marker + "\"}").statusCode(200);
        String ticket = UUID.randomUUID().toString();
        Events.publish("crm.tickets", ticket, Events.cloudEvent("crm.ticket.opened.v1", "/crm/tickets-service", ticket,
                tenant.id(), null, """
                {"ticketId": "%s", "number": "T-9", "contactId": "%s", "subject": "Anna%s wants help",
                 "openedAt": "2026-11-02T09:00:00Z"}""".formatted(ticket, id, marker)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.get(token,
                "/api/v1/contacts/" + id + "/timeline").statusCode(200)
                .body("items.kind", containsInAnyOrder("call", "purchase", "consent_changed", "ticket_opened")));
        return new Person(id, marker, digits, ticket);
    }

    /** Tables of this service (rows of any tenant) in which some row still shows {@code value}. */
    static List<String> tablesShowing(String value) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = TestDatabase.superuser();
             ResultSet tables = db.createStatement().executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                     + " and table_name not like 'flyway%' order by table_name")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (TestDatabase.count(db, "select count(*) from \"" + table + "\" t where t::text ilike ?",
                        "%" + value + "%") > 0) {
                    found.add(table);
                }
            }
        }
        return found;
    }

    static long count(String sql, Object... args) throws SQLException {
        try (Connection db = TestDatabase.superuser()) {
            return TestDatabase.count(db, sql, args);
        }
    }

    @Test
    void shouldExportEverythingHeldAboutThePerson() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        Person person = personWithHistory(tenant, admin);

        Api.get(admin, "/privacy/v1/subjects/" + person.id() + "/export").statusCode(200)
                .body("subjectId", equalTo(person.id()))
                .body("contact.last_name", equalTo("Berg" + person.marker()))
                .body("contact.external_id", equalTo("ext-" + person.marker()))
                .body("timeline", hasSize(4))
                .body("interactions[0].summary", equalTo("Talked to Anna" + person.marker()))
                .body("tasks[0].title", equalTo("Call Anna" + person.marker()))
                .body("purchases[0].buyerEmail", equalTo(person.marker() + "@example.com"))
                .body("consents[0].status", equalTo("granted"))
                .body("erasure", equalTo(null));
        Api.get(tenant.hqToken("manager"), "/privacy/v1/subjects/" + person.id() + "/export").statusCode(403);
        Api.get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/privacy/v1/subjects/" + person.id() + "/export")
                .statusCode(404);
    }

    @Test
    void shouldLeaveNoPersonalDataInAnyTableAfterErasure() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        Person person = personWithHistory(tenant, admin);
        assertThat(tablesShowing(person.marker())).contains("contact", "interaction", "task", "timeline_entry",
                "purchase", "consent", "idempotency_key");
        // Events still waiting for the relay are delivered before the erasure event; wait for them first.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from outbox_event where tenant_id = ? and status <> 'PUBLISHED'", tenant.id()) == 0);

        given().auth().oauth2(admin).when().post("/api/v1/privacy/subjects/" + person.id() + "/erasure")
                .then().statusCode(202).body("status", equalTo("requested"))
                .body("services.service", equalTo(List.of("contacts-service", "leads-service", "tickets-service",
                        "analytics-service")))
                .body("services.status", equalTo(List.of("applied", "pending", "pending", "pending")));

        assertThat(tablesShowing(person.marker())).isEmpty();
        assertThat(tablesShowing(person.phoneDigits())).isEmpty();
        Api.get(admin, "/api/v1/contacts/" + person.id()).statusCode(200).body("email", equalTo(null))
                .body("addresses", hasSize(0));
        assertThat(count("select count(*) from erasure_request where subject_id = ?::uuid", person.id()))
                .isEqualTo(1);
    }

    @Test
    void shouldPublishTheErasureAndTrackEveryServicesConfirmation() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String contact = Api.create(admin, "/api/v1/contacts", "{\"firstName\":\"Ida\",\"lastName\":\"Roth\"}");
        String request;
        try (Events.Reader events = Events.read("crm.contacts")) {
            request = given().auth().oauth2(admin).when()
                    .post("/api/v1/privacy/subjects/" + contact + "/erasure").then().statusCode(202)
                    .extract().path("erasureRequestId");
            given().auth().oauth2(admin).when().post("/api/v1/privacy/subjects/" + contact + "/erasure")
                    .then().statusCode(202).body("erasureRequestId", equalTo(request));

            JsonNode erased = events.awaitOne(Events.of("crm.contact.erased.v1", "contactId", contact));
            assertThat(erased.get("data").get("erasureRequestId").asText()).isEqualTo(request);
            assertThat(erased.get("tenantid").asText()).isEqualTo(tenant.id());
        }

        String[][] confirmations = {{"crm.leads", "leads-service"}, {"crm.tickets", "tickets-service"},
                {"crm.analytics", "analytics-service"}};
        for (String[] confirmation : confirmations) {
            Api.get(admin, "/api/v1/privacy/subjects/" + contact + "/erasure").statusCode(200)
                    .body("status", equalTo("requested"));
            Events.publish(confirmation[0], contact, Events.cloudEvent("crm.privacy.erasure-applied.v1",
                    "/crm/" + confirmation[1], contact, tenant.id(), null, """
                    {"subjectId": "%s", "erasureRequestId": "%s", "service": "%s", "appliedAt": "2026-11-27T12:00:00Z"}"""
                            .formatted(contact, request, confirmation[1])));
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.get(admin,
                            "/api/v1/privacy/subjects/" + contact + "/erasure").statusCode(200)
                    .body("services.find { it.service == '" + confirmation[1] + "' }.status", equalTo("applied")));
        }
        Api.get(tenant.hqToken("manager"), "/api/v1/privacy/subjects/" + contact + "/erasure").statusCode(200)
                .body("status", equalTo("complete"));
    }

    @Test
    void shouldLetOnlyAdminsEraseAndHideOtherTenants() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String contact = Api.create(tenant.hqToken("agent"), "/api/v1/contacts",
                "{\"firstName\":\"Max\",\"lastName\":\"Kurz\"}");

        given().auth().oauth2(tenant.hqToken("manager")).when().post("/api/v1/privacy/subjects/" + contact + "/erasure")
                .then().statusCode(403);
        given().auth().oauth2(TestTenant.create(DevStack.shared()).hqToken("admin")).when()
                .post("/api/v1/privacy/subjects/" + contact + "/erasure").then().statusCode(404);
        given().auth().oauth2(tenant.unitToken("hamburg", "admin")).when()
                .post("/api/v1/privacy/subjects/" + contact + "/erasure").then().statusCode(404);
        Api.get(tenant.hqToken("admin"), "/api/v1/privacy/subjects/" + contact + "/erasure").statusCode(404);
        given().when().post("/api/v1/privacy/subjects/" + contact + "/erasure").then().statusCode(401);
    }
}
