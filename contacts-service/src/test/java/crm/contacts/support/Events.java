package crm.contacts.support;

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

/**
 * Kafka as the tests of this service's consumers and producers meet it: publishing other services' events
 * as their outbox relays do (structured CloudEvents), and reading what this service published.
 */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A CloudEvent of another service, with a fresh id. */
    public static String cloudEvent(String type, String source, String subject, String tenant, String unit, String data) {
        return cloudEvent(UUID.randomUUID().toString(), type, source, subject, tenant, unit, data);
    }

    public static String cloudEvent(String id, String type, String source, String subject, String tenant, String unit,
                                    String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s",
                 "time":"2026-11-27T10:00:00Z","datacontenttype":"application/json","tenantid":"%s"%s,"data":%s}"""
                .formatted(id, source, type, subject, tenant, unit == null ? "" : ",\"unitid\":\"" + unit + "\"", data);
    }

    public static void publish(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type",
                    "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader of {@code topic} from its beginning, in a consumer group of its own. */
    public static Reader read(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contacts-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return new Reader(consumer);
    }

    /** Collects the events of one topic as they arrive; close it when done. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<JsonNode> seen = new ArrayList<>();
        private final List<String> raw = new ArrayList<>();

        Reader(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        /** Waits until {@code count} events that match have arrived; answers all matching events seen so far. */
        public List<JsonNode> await(Predicate<JsonNode> match, int count) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                poll();
                return seen.stream().filter(match).count() >= count;
            });
            return seen.stream().filter(match).toList();
        }

        public JsonNode awaitOne(Predicate<JsonNode> match) {
            return await(match, 1).get(0);
        }

        /** Raw values (any text, also non-JSON) of the topic seen so far, after one more poll. */
        public List<String> rawValues() {
            poll();
            return List.copyOf(raw);
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                raw.add(r.value());
                try {
                    seen.add(JSON.readTree(r.value()));
                } catch (IOException e) {
                    // Not JSON (a poison message on a dead-letter topic): only raw values keep it.
                } catch (RuntimeException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Matches events of this type whose data field {@code field} is {@code value}. */
    public static Predicate<JsonNode> of(String type, String field, String value) {
        return e -> type.equals(e.path("type").asText()) && value.equals(e.path("data").path(field).asText());
    }
}
