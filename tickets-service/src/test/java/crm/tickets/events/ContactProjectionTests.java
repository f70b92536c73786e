package crm.tickets.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.tickets.rest.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** tickets-service's projection of crm.contacts: verification, tiers, merges, erasure and export. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class ContactProjectionTests {

    static String contactCreated(String contactId, String unitId, String companyId, String email, String tagsJson) {
        return "{\"contactId\":\"" + contactId + "\",\"unitId\":" + (unitId == null ? "null" : "\"" + unitId + "\"")
                + ",\"firstName\":\"Jana\",\"lastName\":\"Schulz\",\"email\":" + (email == null ? "null" : "\"" + email + "\"")
                + ",\"lifecycleStage\":\"customer\",\"companyId\":" + (companyId == null ? "null" : "\"" + companyId + "\"")
                + ",\"ownerId\":null,\"createdAt\":\"2026-11-27T10:00:00Z\",\"tags\":" + tagsJson + "}";
    }

    /** Publishes the contact's creation and waits until the projection knows it (a probe ticket gets verified). */
    static void knownContact(TestTenant tenant, String hqAgent, String contactId, String unitId, String tagsJson) {
        String probe = Api.openTicket(hqAgent, "probe", "\"priority\":\"low\",\"contactId\":\"" + contactId + "\"");
        KafkaTopics.publishContactEvent(tenant.id(), unitId, "crm.contact.created.v1", contactId,
                contactCreated(contactId, unitId, null, "kundin@example.com", tagsJson));
        awaitVerified(hqAgent, probe);
    }

    static void awaitVerified(String token, String ticketId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Api.get(token, "/api/v1/tickets/" + ticketId).statusCode(200).body("contactVerified", equalTo(true)));
    }

    @Test
    void shouldVerifyATicketWhenItsContactsEventArrives() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        String id = Api.openTicket(agent, "Noch unbekannt", "\"contactId\":\"" + contact + "\"");
        Api.get(agent, "/api/v1/tickets/" + id).statusCode(200).body("contactVerified", equalTo(false))
                .body("customerTier", equalTo("standard"));

        KafkaTopics.publishContactEvent(tenant.id(), null, "crm.contact.created.v1", contact,
                contactCreated(contact, null, company, "jana@example.com", "[\"tier-gold\"]"));

        awaitVerified(agent, id);
        Api.get(agent, "/api/v1/tickets/" + id).statusCode(200).body("companyId", equalTo(company))
                .body("customerTier", equalTo("standard"));
    }

    @Test
    void shouldTakeTierCompanyAndEmailFromAKnownContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();
        knownContact(tenant, agent, contact, null, "[\"newsletter\",\"tier-gold\"]");

        String id = Api.openTicket(agent, "Bekannt", "\"contactId\":\"" + contact + "\"");

        Api.get(agent, "/api/v1/tickets/" + id).statusCode(200).body("contactVerified", equalTo(true))
                .body("customerTier", equalTo("gold")).body("requesterEmail", equalTo("kundin@example.com"));
    }

    @Test
    void shouldNotRevealAnotherUnitsContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();
        knownContact(tenant, hq, contact, tenant.unit("munich"), "[\"tier-gold\"]");

        String id = Api.openTicket(tenant.unitToken("hamburg", "agent"), "Fremd", "\"contactId\":\"" + contact + "\"");

        Api.get(hq, "/api/v1/tickets/" + id).statusCode(200).body("contactVerified", equalTo(false))
                .body("customerTier", equalTo("standard")).body("requesterEmail", nullValue());
    }

    @Test
    void shouldMoveTicketsOfAMergedContactToTheSurvivor() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String survivor = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        knownContact(tenant, agent, survivor, null, "[]");
        String id = Api.openTicket(agent, "Doppelt angelegt", "\"contactId\":\"" + merged + "\"");

        KafkaTopics.publishContactEvent(tenant.id(), null, "crm.contact.merged.v1", survivor,
                "{\"survivorId\":\"" + survivor + "\",\"mergedId\":\"" + merged + "\",\"mergedAt\":\"2026-11-27T11:00:00Z\"}");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Api.get(agent, "/api/v1/tickets/" + id).statusCode(200).body("contactId", equalTo(survivor))
                        .body("contactVerified", equalTo(true)));
        String later = Api.openTicket(agent, "Alte Nummer", "\"contactId\":\"" + merged + "\"");
        Api.get(agent, "/api/v1/tickets/" + later).body("contactId", equalTo(survivor));
    }

    @Test
    void shouldAnonymiseAnErasedPersonAndConfirmOnce() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String admin = tenant.hqToken("admin");
        String contact = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        String id = Api.openTicket(agent, "Jana Schulz, Rad gestohlen", "\"description\":\"Tel 0170 1234567\","
                + "\"requesterEmail\":\"jana@example.com\",\"contactId\":\"" + contact + "\","
                + "\"customFields\":{\"frameNumber\":\"WAW123\"}");
        String other = Api.openTicket(agent, "Anderer Kunde", "\"contactId\":\"" + bystander + "\"");
        String path = "/api/v1/tickets/" + id;
        Api.post(agent, path + "/comments", "{\"body\":\"Frau Schulz ruft zurück\"}").statusCode(201);
        Api.post(agent, path + "/attachments", "{\"name\":\"jana-ausweis.jpg\",\"contentType\":\"image/jpeg\","
                + "\"sizeBytes\":1000}").statusCode(201);
        Api.post(agent, path + "/status", "{\"status\":\"resolved\"}").statusCode(200);
        Api.post(agent, path + "/rating", "{\"rating\":2,\"comment\":\"Jana war unzufrieden\"}").statusCode(200);
        String erasure = "{\"contactId\":\"" + contact + "\",\"erasureRequestId\":\"" + UUID.randomUUID()
                + "\",\"requestedAt\":\"2026-11-27T12:00:00Z\"}";

        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            KafkaTopics.publishContactEvent(tenant.id(), null, "crm.contact.erased.v1", contact, erasure);
            KafkaTopics.Reader.Message applied = events.await(contact, PrivacyEvents.ERASURE_APPLIED);

            assertThat(applied.data().path("subjectId").asText()).isEqualTo(contact);
            assertThat(applied.data().path("service").asText()).isEqualTo("tickets-service");
            assertThat(applied.data().path("erasureRequestId").asText()).isEqualTo(
                    KafkaTopics.parse(erasure).path("erasureRequestId").asText());
            assertThat(applied.value().path("tenantid").asText()).isEqualTo(tenant.id());
        }
        Api.get(agent, path).statusCode(200).body("subject", equalTo("[erased]")).body("description", nullValue())
                .body("requesterEmail", nullValue()).body("rating.comment", nullValue()).body("rating.rating", equalTo(2))
                .body("customFields.size()", equalTo(0));
        Api.get(agent, path + "/comments").statusCode(200).body("items.body", containsInAnyOrder("[erased]"));
        Api.get(agent, path + "/attachments").statusCode(200).body("items.name", containsInAnyOrder("[erased]"));
        Api.get(agent, "/api/v1/tickets/" + other).statusCode(200).body("subject", equalTo("Anderer Kunde"));
        Api.get(admin, "/privacy/v1/subjects/" + contact + "/export").statusCode(200)
                .body("tickets[0].ticket.subject", equalTo("[erased]"));
    }

    @Test
    void shouldExportWhatItHoldsAboutAPersonToAdminsOnly() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String admin = tenant.hqToken("admin");
        String contact = UUID.randomUUID().toString();
        String id = Api.openTicket(agent, "Export", "\"contactId\":\"" + contact + "\"");
        Api.post(agent, "/api/v1/tickets/" + id + "/comments", "{\"body\":\"Notiz\",\"visibility\":\"internal\"}")
                .statusCode(201);
        String path = "/privacy/v1/subjects/" + contact + "/export";

        Api.get(admin, path).statusCode(200).body("service", equalTo("tickets-service"))
                .body("subjectId", equalTo(contact)).body("tickets", hasSize(1))
                .body("tickets[0].ticket.id", equalTo(id)).body("tickets[0].comments[0].body", equalTo("Notiz"));
        Api.get(agent, path).statusCode(403);
        Api.get(TestTenant.create(DevStack.shared()).hqToken("admin"), path).statusCode(200).body("tickets", hasSize(0));
        Api.get(admin, "/privacy/v1/subjects/not-a-uuid/export").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldParkPoisonInTheDeadLetterTopicAndKeepConsuming() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();
        String poisonKey = "poison-" + UUID.randomUUID();
        String id = Api.openTicket(agent, "Nach dem Gift", "\"contactId\":\"" + contact + "\"");

        try (KafkaTopics.Reader dlq = new KafkaTopics.Reader("crm.contacts.dlq")) {
            KafkaTopics.publishRaw("crm.contacts", poisonKey, "{not a cloud event");
            KafkaTopics.publishContactEvent(tenant.id(), null, "crm.contact.created.v1", poisonKey,
                    "{\"contactId\":\"not-a-uuid\"}");
            KafkaTopics.publishContactEvent(tenant.id(), null, "crm.contact.created.v1", contact,
                    contactCreated(contact, null, null, null, "[]"));

            awaitVerified(agent, id);
            KafkaTopics.Reader.Message parked = dlq.await(poisonKey, m -> m.raw().equals("{not a cloud event"));
            assertThat(parked.headers().get("dead-letter-reason")).contains("unreadable event");
            KafkaTopics.Reader.Message badData = dlq.await(poisonKey, m -> m.raw().contains("not-a-uuid"));
            assertThat(badData.headers().get("dead-letter-reason")).contains("contactId");
            assertThat(new String(parked.raw().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo("{not a cloud event");
        }
    }
}
