package crm.tickets.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.devstack.DevStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reading crm.tickets and writing crm.contacts the way the other services do, for tests. */
public final class KafkaTopics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaTopics() {
    }

    /** Publishes a CloudEvent to crm.contacts as contacts-service's outbox relay would. */
    public static void publishContactEvent(String tenant, String unit, String type, String subject, String dataJson) {
        String envelope = """
                {"specversion":"1.0","id":"%s","source":"/crm/contacts-service","type":"%s","subject":"%s",
                 "time":"2026-11-27T10:00:00Z","datacontenttype":"application/json","tenantid":"%s"%s,"data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, tenant, unit == null ? "" : ",\"unitid\":\"" + unit + "\"",
                        dataJson);
        publishRaw("crm.contacts", subject, envelope);
    }

    public static void publishRaw(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader of one topic from its beginning; remembers every message of the keys it was asked about. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<Message> seen = new ArrayList<>();

        public record Message(String key, JsonNode value, String raw, Map<String, String> headers) {
            public String type() {
                return value == null ? null : value.path("type").asText();
            }

            public JsonNode data() {
                return value.path("data");
            }
        }

        public Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "tickets-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            consumer.subscribe(List.of(topic));
        }

        /** Polls until a message of {@code key} with {@code type} arrived; answers it. */
        public Message await(String key, String type) {
            return await(key, m -> type.equals(m.type()));
        }

        public Message await(String key, Predicate<Message> wanted) {
            Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> {
                poll();
                return seen.stream().anyMatch(m -> key.equals(m.key()) && wanted.test(m));
            });
            return seen.stream().filter(m -> key.equals(m.key()) && wanted.test(m)).findFirst().orElseThrow();
        }

        /** Every message of {@code key} read so far, in order. */
        public List<Message> of(String key) {
            return seen.stream().filter(m -> key.equals(m.key())).toList();
        }

        public List<String> typesOf(String key) {
            return of(key).stream().map(Message::type).toList();
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                JsonNode value;
                try {
                    value = JSON.readTree(r.value());
                } catch (IOException e) {
                    value = null;
                }
                Map<String, String> headers = new java.util.HashMap<>();
                r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                seen.add(new Message(r.key(), value, r.value(), headers));
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
