package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static crm.analytics.support.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.analytics.events.IncomingEvents;
import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

/**
 * GDPR: the export of what the read model holds about a person, and erasure on crm.contact.erased.v1 with
 * the confirmation crm.privacy.erasure-applied.v1 on crm.analytics. Anonymous aggregates stay.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class PrivacyTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    IncomingEvents incoming;

    record Person(DataSet data, String paula, String other) {
    }

    static Person publishPerson(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        String paula = DataSet.id();
        String other = DataSet.id();
        data.contactCreated(paula, "hamburg", "Paula", "Privat", "paula@example.com", "+491709999999", "20095",
                "Hamburg", "customer", List.of("newsletter"), null);
        data.contactCreated(other, "hamburg", "Otto", "Other", "otto@example.com", null, null, null, "customer",
                List.of("newsletter"), null);
        data.consent(paula, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(other, "email", "granted", "2026-11-01T10:00:00Z");
        data.purchase(DataSet.id(), paula, "hamburg", "2026-11-05T10:00:00Z", "EUR", "100.00", "BIKE", 1, "100.00");
        data.purchase(DataSet.id(), other, "hamburg", "2026-11-06T10:00:00Z", "EUR", "40.00", "BIKE", 1, "40.00");
        String lead = DataSet.id();
        data.leadCaptured(lead, "hamburg", "website", null, "2026-11-01T10:00:00Z", "20095", null, List.of());
        data.leadConverted(lead, paula, null, "2026-11-02T10:00:00Z");
        return new Person(data, paula, other);
    }

    @Test
    void shouldExportWhatIsHeldAboutAPersonToAdminsOnly() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        Person p = publishPerson(tenant);
        p.data().awaitApplied(admin);

        get(admin, "/privacy/v1/subjects/" + p.paula() + "/export").statusCode(200)
                .body("service", equalTo("analytics-service"))
                .body("erased", equalTo(false))
                .body("profile.firstName", equalTo("Paula"))
                .body("profile.email", equalTo("paula@example.com"))
                .body("consents.channel", contains("email"))
                .body("customerValue", hasSize(2))
                .body("orders[0].amount", equalTo(100.0f))
                .body("productsBought.sku", contains("BIKE", "BIKE"))
                .body("leads", hasSize(1))
                .body(not(containsString("Otto")));
        get(tenant.hqToken("manager"), "/privacy/v1/subjects/" + p.paula() + "/export").statusCode(403);
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/privacy/v1/subjects/" + p.paula() + "/export")
                .statusCode(404).contentType("application/problem+json");
        get(admin, "/privacy/v1/subjects/" + DataSet.id() + "/export").statusCode(404);
    }

    @Test
    void shouldEraseThePersonKeepAnonymousFiguresAndConfirm() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin", "manager");
        Person p = publishPerson(tenant);
        p.data().awaitApplied(admin);
        String segment = post(admin, "/api/v1/analytics/segments", "{\"name\": \"Newsletter\", \"tags\": [\"newsletter\"]}")
                .statusCode(201).extract().path("id");
        get(admin, "/api/v1/analytics/segments/" + segment).statusCode(200).body("size", equalTo(2));
        String request = DataSet.id();

        try (KafkaConsumer<String, String> confirmations = confirmations()) {
            p.data().contactErased(p.paula(), request);
            p.data().awaitApplied(admin);
            // A late update of the erased person must not bring the personal data back.
            p.data().contactCreated(p.paula(), "hamburg", "Paula", "Privat", "paula@example.com", null, null, null,
                    "customer", List.of("newsletter"), null);
            p.data().awaitApplied(admin);

            JsonNode confirmation = awaitConfirmation(confirmations, p.paula());
            assertThat(confirmation.get("type").asText()).isEqualTo("crm.privacy.erasure-applied.v1");
            assertThat(confirmation.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(confirmation.get("source").asText()).isEqualTo("/crm/analytics-service");
            assertThat(confirmation.at("/data/subjectId").asText()).isEqualTo(p.paula());
            assertThat(confirmation.at("/data/erasureRequestId").asText()).isEqualTo(request);
            assertThat(confirmation.at("/data/service").asText()).isEqualTo("analytics-service");
            assertThat(confirmation.at("/data/appliedAt").asText()).isNotBlank();
        }

        get(admin, "/privacy/v1/subjects/" + p.paula() + "/export").statusCode(200)
                .body("erased", equalTo(true))
                .body("profile", nullValue())
                .body("consents", empty())
                .body("customerValue", empty())
                .body("orders", empty())
                .body("leads", empty())
                .body("erasures.erasureRequestId", contains(request))
                .body(not(containsString("Paula")));
        get(admin, "/api/v1/analytics/customers/" + p.paula() + "/value").statusCode(404);
        get(admin, "/api/v1/analytics/segments/" + segment).statusCode(200).body("size", equalTo(1));
        get(admin, "/api/v1/analytics/segments/" + segment + "/audience.csv?channel=email").statusCode(200)
                .body(not(containsString("paula")));
        // Anonymous aggregates are unchanged: sales per product, and the customer's figures under a new id.
        get(admin, "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30").statusCode(200)
                .body("items[0].units", equalTo(2.0f))
                .body("items[0].revenue", equalTo(140.00f));
        get(admin, "/api/v1/analytics/customers/top").statusCode(200)
                .body("items.revenue", contains(100.00f, 40.00f))
                .body("items[0].contactId", not(equalTo(p.paula())))
                .body("items[0].lastName", nullValue());
    }

    @Test
    void shouldEraseAPersonWhoseOrdersArriveInTheSamePollRightBeforeTheErasure() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        DataSet data = new DataSet(tenant).holdBack();
        String paula = DataSet.id();
        String other = DataSet.id();
        data.contact(paula, "hamburg", "Paula", "Privat");
        data.contact(other, "hamburg", "Otto", "Other");
        data.purchase(DataSet.id(), paula, "hamburg", "2026-11-05T10:00:00Z", "EUR", "100.00", "BIKE", 1, "100.00");
        data.purchase(DataSet.id(), paula, "hamburg", "2026-11-07T10:00:00Z", "EUR", "50.00", "BIKE", 1, "50.00");
        data.purchase(DataSet.id(), other, "hamburg", "2026-11-06T10:00:00Z", "EUR", "40.00", "BIKE", 1, "40.00");
        data.contactErased(paula, DataSet.id());

        incoming.receive(data.heldAsOnePoll()).await().atMost(Duration.ofSeconds(30));

        get(admin, "/privacy/v1/subjects/" + paula + "/export").statusCode(200)
                .body("erased", equalTo(true))
                .body("customerValue", empty())
                .body("productsBought", empty());
        get(admin, "/api/v1/analytics/customers/top").statusCode(200)
                .body("items.revenue", contains(150.00f, 40.00f))
                .body("items[0].orders", equalTo(2))
                .body("items.contactId", not(hasItem(paula)));
        get(admin, "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30").statusCode(200)
                .body("items[0].units", equalTo(3.0f))
                .body("items[0].revenue", equalTo(190.00f));
    }

    private static KafkaConsumer<String, String> confirmations() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of("crm.analytics"));
        return consumer;
    }

    private static JsonNode awaitConfirmation(KafkaConsumer<String, String> consumer, String subject) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (subject.equals(r.key())) {
                    found.add(r);
                }
            });
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        try {
            return MAPPER.readTree(found.get(0).value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
