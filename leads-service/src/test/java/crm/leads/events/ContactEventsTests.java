package crm.leads.events;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static crm.leads.support.KnownContacts.awaitRecognisedLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What leads-service does with contacts-service's events, read from the real crm.contacts topic. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class ContactEventsTests {

    @Test
    void shouldRecogniseAKnownContactAndFlagTheLeadAsUpsell() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String contactId = Events.contactCreated(tenant.id(), null, "Known.Customer@example.com", "+4940123456");

        String id = awaitRecognisedLead(token, "known.customer@example.com", contactId);

        get(token, "/api/v1/leads/" + id).statusCode(200).body("upsell", equalTo(true));
        String byPhone = createLead(token, "{\"lastName\":\"Known\",\"phone\":\"040 123456\",\"channel\":\"event\"}");
        get(token, "/api/v1/leads/" + byPhone).statusCode(200).body("contactId", equalTo(contactId))
                .body("upsell", equalTo(true));
    }

    @Test
    void shouldNotRecogniseAContactOfAnotherTenant() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        TestTenant other = TestTenant.create(DevStack.shared());
        String marker = Events.contactCreated(tenant.id(), null, "marker@example.com", null);
        Events.contactCreated(other.id(), null, "shared@example.com", null);
        String token = tenant.hqToken("agent");
        awaitRecognisedLead(token, "marker@example.com", marker);

        String id = createLead(token, "{\"lastName\":\"S\",\"email\":\"shared@example.com\",\"channel\":\"website\"}");

        get(token, "/api/v1/leads/" + id).statusCode(200).body("contactId", nullValue()).body("upsell", equalTo(false));
    }

    @Test
    void shouldStoreTheContactIdAConvertedLeadGotBack() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String id = createLead(token, "{\"lastName\":\"New\",\"email\":\"new@example.com\",\"channel\":\"website\"}");
        post(token, "/api/v1/leads/" + id + "/contact", "{}").statusCode(200);
        post(token, "/api/v1/leads/" + id + "/qualify", "{}").statusCode(200);
        post(token, "/api/v1/leads/" + id + "/convert", "{}").statusCode(200);
        String contactId = UUID.randomUUID().toString();

        Events.publishContactEvent(tenant.id(), null, "crm.contact.lead-linked.v1", contactId,
                "{\"contactId\":\"" + contactId + "\",\"leadId\":\"" + id + "\",\"companyId\":null,\"created\":true}");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                get(token, "/api/v1/leads/" + id).statusCode(200).body("contactId", equalTo(contactId)));
        get(token, "/api/v1/leads?contactId=" + contactId).statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldFollowAMergeToTheSurvivor() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String merged = Events.contactCreated(tenant.id(), null, "merged@example.com", null);
        String id = awaitRecognisedLead(token, "merged@example.com", merged);
        String survivor = UUID.randomUUID().toString();

        Events.publishContactEvent(tenant.id(), null, "crm.contact.merged.v1", survivor, "{\"survivorId\":\"" + survivor
                + "\",\"mergedId\":\"" + merged + "\",\"mergedAt\":\"2026-11-27T10:00:00Z\"}");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                get(token, "/api/v1/leads/" + id).statusCode(200).body("contactId", equalTo(survivor)));
    }

    @Test
    void shouldAnonymiseTheLeadsOfAnErasedPersonAndConfirm() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String contactId = Events.contactCreated(tenant.id(), null, "erase.me@example.com", "+4917012345678");
        String linked = awaitRecognisedLead(token, "erase.me@example.com", contactId);
        post(token, "/api/v1/leads/" + linked + "/activities", "{\"kind\":\"note\",\"note\":\"Lives at Elbchaussee 1\"}")
                .statusCode(201);
        String other = createLead(token, "{\"lastName\":\"Someone\",\"email\":\"someone@example.com\",\"channel\":\"event\"}");
        String requestId = UUID.randomUUID().toString();
        try (Events events = Events.ofLeads()) {
            Events.publishContactEvent(tenant.id(), null, "crm.contact.erased.v1", contactId, "{\"contactId\":\""
                    + contactId + "\",\"erasureRequestId\":\"" + requestId + "\",\"requestedAt\":\"2026-11-27T10:00:00Z\"}");

            JsonNode applied = events.await(contactId, LeadEvents.ERASURE_APPLIED);

            assertThat(applied.get("data").get("service").asText()).isEqualTo("leads-service");
            assertThat(applied.get("data").get("erasureRequestId").asText()).isEqualTo(requestId);
            assertThat(applied.get("tenantid").asText()).isEqualTo(tenant.id());
        }
        get(token, "/api/v1/leads/" + linked).statusCode(200).body("email", nullValue()).body("lastName", nullValue())
                .body("firstName", nullValue()).body("anonymisedAt", org.hamcrest.Matchers.notNullValue());
        get(token, "/api/v1/leads/" + linked + "/activities").statusCode(200)
                .body("items.find { it.kind == 'note' }.note", nullValue());
        get(token, "/api/v1/leads/" + other).statusCode(200).body("lastName", equalTo("Someone"));
        String again = createLead(token, "{\"lastName\":\"Known\",\"email\":\"erase.me@example.com\",\"channel\":\"website\"}");
        get(token, "/api/v1/leads/" + again).statusCode(200).body("contactId", nullValue());
    }

    @Test
    void shouldParkAnUnreadableEventInTheDeadLetterTopicAndKeepConsuming() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String poisonKey = "poison-" + UUID.randomUUID();

        Events.publishRaw("crm.contacts", poisonKey, "{not a cloud event");
        String contactId = Events.contactCreated(tenant.id(), null, "after.poison@example.com", null);

        awaitRecognisedLead(tenant.hqToken("agent"), "after.poison@example.com", contactId);
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("crm.contacts.dlq"));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (poisonKey.equals(r.key()) && r.headers().lastHeader("dead-letter-reason") != null) {
                        parked.add(r);
                    }
                });
                return !parked.isEmpty();
            });
            assertThat(new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8)).contains("unreadable event");
        }
    }
}
