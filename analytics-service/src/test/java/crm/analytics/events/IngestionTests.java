package crm.analytics.events;

import static crm.analytics.support.Api.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import crm.analytics.support.DataSet;
import crm.analytics.support.EventPublisher;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Consumption of all three topics: freshness and lag, poison messages, events in unexpected order. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class IngestionTests {

    @Test
    void shouldReportFreshnessAndLagPerTopic() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");
        DataSet data = new DataSet(tenant);
        data.contact(DataSet.id(), "hamburg", "Fritz", "Frisch");
        data.publish(DataSet.CONTACTS, "crm.interaction.logged.v1", null, DataSet.id(), "2026-11-27T10:00:00Z",
                DataSet.data("interactionId", DataSet.id(), "kind", "call"));
        data.ticketOpened(DataSet.id(), "hamburg", null, null, "repair", "2026-11-26T10:00:00Z");
        data.awaitApplied(hq);

        get(hq, "/api/v1/analytics/status").statusCode(200)
                .body("checkedAt", notNullValue())
                .body("topics.topic", equalTo(List.of("crm.contacts", "crm.leads", "crm.tickets")))
                .body("topics[0].eventsApplied", equalTo(2))
                .body("topics[0].lastEventTime", equalTo("2026-11-27T10:00:00Z"))
                .body("topics[0].lastReceivedAt", notNullValue())
                .body("topics[0].freshnessSeconds", greaterThanOrEqualTo(0))
                .body("topics[1].eventsApplied", equalTo(0))
                .body("topics[1].lastEventTime", equalTo(null))
                .body("topics[2].eventsApplied", equalTo(1))
                .body("topics[2].lastEventTime", equalTo("2026-11-26T10:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(hq, "/api/v1/analytics/status").statusCode(200)
                        .body("topics.consumerLag", equalTo(List.of(0, 0, 0))));
        get(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/analytics/status").statusCode(200)
                .body("topics.eventsApplied", equalTo(List.of(0, 0, 0)));
    }

    @Test
    void shouldExposeLagFreshnessAndEventCountsAsMetrics() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        DataSet data = new DataSet(tenant);
        data.contact(DataSet.id(), null, "Mia", "Metrik");
        data.awaitApplied(tenant.hqToken("agent"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/metrics").then().statusCode(200)
                        .body(containsString("crm_analytics_consumer_lag{topic=\"crm.contacts\"} 0.0"))
                        .body(containsString("crm_analytics_data_age_seconds{topic=\"crm.contacts\"}"))
                        .body(containsString("crm_analytics_events_total{outcome=\"applied\",topic=\"crm.contacts\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm.leads", "crm.tickets"})
    void shouldParkPoisonMessagesInTheTopicsDeadLetterTopicAndKeepConsuming(String topic) {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String poisonKey = "poison-" + UUID.randomUUID();
        EventPublisher.publish(topic, poisonKey, "{not a cloud event");
        DataSet data = new DataSet(tenant);
        // A readable envelope whose payload breaks the contract is poison too, and goes to the same place.
        EventPublisher.publish(topic, poisonKey, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/crm/test\",\"type\":\"" + (topic.equals("crm.leads") ? "crm.lead.captured.v1"
                : "crm.ticket.opened.v1") + "\",\"tenantid\":\"" + tenant.id() + "\",\"data\":{\"leadId\":42,\"ticketId\":42}}");
        if (topic.equals("crm.leads")) {
            data.leadCaptured(DataSet.id(), "hamburg", "website", null, "2026-11-20T10:00:00Z", null, null, List.of());
        } else {
            data.ticketOpened(DataSet.id(), "hamburg", null, null, "repair", "2026-11-20T10:00:00Z");
        }
        data.awaitApplied(hq);

        List<ConsumerRecord<String, String>> parked = deadLetters(topic + ".dlq", poisonKey, 2);
        assertThat(parked).extracting(ConsumerRecord::value).first().isEqualTo("{not a cloud event");
        assertThat(new String(parked.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("unreadable event").contains("is not a UUID");
    }

    @Test
    void shouldApplyInterleavedTenantsEachInItsOwnScopeAndParkOnlyTheBadEventAmongGoodOnes() {
        TestTenant first = TestTenant.create(DevStack.shared());
        TestTenant second = TestTenant.create(DevStack.shared());
        DataSet firstData = new DataSet(first);
        DataSet secondData = new DataSet(second);
        String firstCustomer = DataSet.id();
        String secondCustomer = DataSet.id();
        String poisonKey = "poison-" + UUID.randomUUID();
        // Published back to back, so polls carry events of both tenants and the bad one among good ones.
        for (int i = 0; i < 40; i++) {
            firstData.purchase(DataSet.id(), firstCustomer, "hamburg", "2026-11-02T10:00:00Z", "EUR", "10.00",
                    "BIKE", 1, "10.00");
            secondData.purchase(DataSet.id(), secondCustomer, "munich", "2026-11-02T10:00:00Z", "EUR", "1.00",
                    "BELL", 1, "1.00");
            if (i == 20) {
                EventPublisher.publish(DataSet.CONTACTS, poisonKey, "{\"specversion\":\"1.0\",\"id\":\""
                        + UUID.randomUUID() + "\",\"source\":\"/crm/test\",\"type\":\"crm.purchase.recorded.v1\","
                        + "\"tenantid\":\"" + first.id() + "\",\"data\":{\"purchaseId\":\"P-1\",\"total\":5}}");
            }
        }
        firstData.awaitApplied(first.hqToken("manager"));
        secondData.awaitApplied(second.hqToken("manager"));

        get(first.hqToken("manager"), "/api/v1/analytics/customers/" + firstCustomer + "/value").statusCode(200)
                .body("revenue", equalTo(400.00f)).body("orders", equalTo(40));
        get(second.hqToken("manager"), "/api/v1/analytics/customers/" + secondCustomer + "/value").statusCode(200)
                .body("revenue", equalTo(40.00f)).body("orders", equalTo(40));
        get(second.hqToken("manager"), "/api/v1/analytics/customers/" + firstCustomer + "/value").statusCode(404);
        List<ConsumerRecord<String, String>> parked = deadLetters(DataSet.CONTACTS + ".dlq", poisonKey, 1);
        assertThat(new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("unreadable event").contains("purchaseId");
    }

    @Test
    void shouldNameACustomerWhosePurchaseArrivedBeforeTheContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        DataSet data = new DataSet(tenant);
        String contact = DataSet.id();
        data.consent(contact, "email", "granted", "2026-11-01T10:00:00Z");
        data.purchase(DataSet.id(), contact, "hamburg", "2026-11-02T10:00:00Z", "EUR", "99.00", "BIKE", 1, "99.00");
        data.awaitApplied(hq);
        get(hq, "/api/v1/analytics/customers/top").statusCode(200)
                .body("items[0].revenue", equalTo(99.00f))
                .body("items[0].lastName", equalTo(null));
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/customers/" + contact + "/value").statusCode(200)
                .body("revenue", equalTo(99.00f));

        data.contactCreated(contact, "hamburg", "Spät", "Gekommen", "spaet@example.com", null, null, null, "customer",
                List.of(), null);
        data.awaitApplied(hq);
        get(hq, "/api/v1/analytics/customers/top").statusCode(200)
                .body("items[0].lastName", equalTo("Gekommen"));
        String segment = crm.analytics.support.Api.post(hq, "/api/v1/analytics/segments", "{\"name\": \"All\"}")
                .statusCode(201).extract().path("id");
        get(hq, "/api/v1/analytics/segments/" + segment + "/audience.csv?channel=email").statusCode(200)
                .body(containsString(contact + ",Spät,Gekommen,spaet@example.com"));
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int expected) {
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        parked.add(r);
                    }
                });
                return parked.size() >= expected;
            });
            return parked;
        }
    }
}
