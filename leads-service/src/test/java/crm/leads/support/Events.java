package crm.leads.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.devstack.DevStack;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads and writes the real Kafka topics: awaits what leads-service published on {@code crm.leads}, and
 * publishes contacts-service's events on {@code crm.contacts} as its outbox relay would.
 */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> seen = new ArrayList<>();

    private Events(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "leads-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /** A reader of {@code crm.leads} from its beginning; tests tell their events apart by key. */
    public static Events ofLeads() {
        return new Events("crm.leads");
    }

    public static Events of(String topic) {
        return new Events(topic);
    }

    /** Waits until an event of {@code type} keyed {@code key} arrived and answers it. */
    public JsonNode await(String key, String type) {
        return await(key, type, Duration.ofSeconds(60));
    }

    public JsonNode await(String key, String type, Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> {
            poll();
            return find(key, type) != null;
        });
        return find(key, type);
    }

    /** All events with this key seen so far (after polling once more). */
    public List<JsonNode> all(String key) {
        poll();
        return seen.stream().filter(e -> key.equals(e.get("subject").asText())).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> {
            try {
                seen.add(JSON.readTree(r.value()));
            } catch (IOException e) {
                // Not ours (a poison message another test sent): ignore.
            }
        });
    }

    private JsonNode find(String key, String type) {
        return seen.stream().filter(e -> key.equals(e.path("subject").asText()) && type.equals(e.path("type").asText()))
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Publishes a contacts-service event (structured CloudEvent) on {@code crm.contacts}. */
    public static void publishContactEvent(String tenantId, String unitId, String type, String subject, String data) {
        String envelope = """
                {"specversion":"1.0","id":"%s","source":"/crm/contacts-service","type":"%s","subject":"%s",
                 "time":"2026-11-27T10:00:00Z","datacontenttype":"application/json","tenantid":"%s"%s,"data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, tenantId,
                        unitId == null ? "" : ",\"unitid\":\"" + unitId + "\"", data);
        publishRaw("crm.contacts", subject, envelope);
    }

    public static void publishRaw(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish: " + e.getMessage(), e);
        }
    }

    /** Announces a contact the way contacts-service's {@code crm.contact.created.v1} does. */
    public static String contactCreated(String tenantId, String unitId, String email, String phone) {
        String contactId = UUID.randomUUID().toString();
        publishContactEvent(tenantId, unitId, "crm.contact.created.v1", contactId, """
                {"contactId":"%s","unitId":%s,"firstName":"Known","lastName":"Customer","email":%s,"phone":%s,
                 "lifecycleStage":"customer","createdAt":"2026-11-27T10:00:00Z"}"""
                .formatted(contactId, quoted(unitId), quoted(email), quoted(phone)));
        return contactId;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

}
