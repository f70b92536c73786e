package crm.e2e.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under event propagation: one message produced (idempotent, acks=all, as the outbox relay
 * produces) and consumed by a consumer that is already polling, on the same broker, one at a time.
 */
final class KafkaRoundTrip {

    private KafkaRoundTrip() {
    }

    static Latencies measure(String bootstrap, int samples) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return roundTrips(bootstrap, topic, samples);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Latencies roundTrips(String bootstrap, String topic, int samples) throws Exception {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        TopicPartition partition = new TopicPartition(topic, 0);
        Histogram latencies = Latencies.newHistogram();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = -3; i < samples; i++) {
                String value = "sample-" + i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "key", value));
                producer.flush();
                long deadline = sent + TimeUnit.SECONDS.toNanos(30);
                boolean received = false;
                while (!received && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        received |= record.value().equals(value);
                    }
                }
                if (!received) {
                    throw new IllegalStateException("message " + value + " did not come back within 30 s");
                }
                if (i >= 0) {
                    latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            }
        }
        return Latencies.of(latencies);
    }
}
