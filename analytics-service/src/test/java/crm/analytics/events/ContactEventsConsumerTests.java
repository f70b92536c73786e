package crm.analytics.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ContactEventsConsumerTests {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static String contactCreated(String eventId, String tenant, String unit) {
        String contactId = UUID.randomUUID().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"/crm/contacts-service","type":"crm.contact.created.v1",
                 "subject":"%s","time":"2026-11-27T10:00:00Z","datacontenttype":"application/json",
                 "tenantid":"%s"%s,"data":{"contactId":"%s","firstName":"Test","lastName":"Person"}}"""
                .formatted(eventId, contactId, tenant, unit == null ? "" : ",\"unitid\":\"" + unit + "\"", contactId);
    }

    /** As the outbox relay sends it: structured CloudEvents with their content type. */
    static void publish(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("crm.contacts", key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    static void awaitCount(String token, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/analytics/contacts/count")
                        .then().statusCode(200).body("contacts", equalTo(expected)));
    }

    @Test
    void shouldCountEachContactOnceWhenTheSameEventArrivesTwice() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String first = contactCreated(UUID.randomUUID().toString(), tenant.id(), null);

        publish("a", first);
        publish("a", first);
        publish("b", contactCreated(UUID.randomUUID().toString(), tenant.id(), null));

        awaitCount(hq, 2);
        // A marker published after the repeats proves they were processed (and skipped), not still pending.
        publish("c", contactCreated(UUID.randomUUID().toString(), tenant.id(), null));
        awaitCount(hq, 3);
    }

    @Test
    void shouldScopeCountsToTenantAndUnit() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String hamburg = tenant.unitToken("hamburg", "agent");
        String other = TestTenant.create(DevStack.shared()).hqToken("manager");

        publish("h1", contactCreated(UUID.randomUUID().toString(), tenant.id(), tenant.unit("hamburg")));
        publish("h2", contactCreated(UUID.randomUUID().toString(), tenant.id(), tenant.unit("hamburg")));
        publish("m1", contactCreated(UUID.randomUUID().toString(), tenant.id(), tenant.unit("munich")));

        awaitCount(hq, 3);
        awaitCount(hamburg, 2);
        given().auth().oauth2(other).when().get("/api/v1/analytics/contacts/count")
                .then().statusCode(200).body("contacts", equalTo(0));
    }

    @Test
    void shouldParkPoisonMessageInDeadLetterTopicAndKeepConsuming() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String poisonKey = "poison-" + UUID.randomUUID();

        publish(poisonKey, "{not a cloud event");
        publish(poisonKey, contactCreated(UUID.randomUUID().toString(), tenant.id(), null));

        awaitCount(hq, 1);
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("crm.contacts.dlq"));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (poisonKey.equals(r.key())) {
                        parked.add(r);
                    }
                });
                return !parked.isEmpty();
            });
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).value()).isEqualTo("{not a cloud event");
            assertThat(new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8)).contains("unreadable event");
        }
    }

    @Test
    void shouldApplyEventThatArrivedWhilePostgresWasDown() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");

        DevStack.shared().postgres().stop();
        try {
            publish("pg-down", contactCreated(UUID.randomUUID().toString(), tenant.id(), null));
        } finally {
            DevStack.shared().postgres().start();
        }

        awaitCount(hq, 1);
    }

    @Test
    void shouldRefuseCountWithoutToken() {
        given().when().get("/api/v1/analytics/contacts/count")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
