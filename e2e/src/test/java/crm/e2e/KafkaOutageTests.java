package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.devstack.DevStack;
import crm.devstack.TestTenant;
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
import org.junit.jupiter.api.Test;

/** Nothing lost, nothing doubled: the outbox outlives a broker outage, the inbox drops redeliveries. */
class KafkaOutageTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptWritesWhileKafkaIsDownAndDeliverTheEventOnceItIsBack() {
        String token = Crm.newTenant().hqToken("agent", "manager");
        DevStack stack = DevStack.shared();
        Crm.system();

        stack.kafka().stop();
        String id;
        try {
            id = WalkingSkeletonJourneyTests.createContact(token, "{\"firstName\":\"Down\",\"lastName\":\"Time\"}");
            Crm.gateway(token).when().get("/api/v1/contacts/" + id).then().statusCode(200);
        } finally {
            stack.kafka().start();
        }

        Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> WalkingSkeletonJourneyTests.contactCount(token) == 1);
        WalkingSkeletonJourneyTests.createContact(token, "{\"firstName\":\"After\",\"lastName\":\"Time\"}");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> WalkingSkeletonJourneyTests.contactCount(token) == 2);
        assertThat(eventsFor(id)).hasSize(1);
    }

    @Test
    void shouldNotCountTheSameEventTwiceWhenKafkaRedeliversIt() throws Exception {
        String token = Crm.newTenant().hqToken("agent", "manager");
        TestTenant markerTenant = Crm.newTenant();
        String markerToken = markerTenant.hqToken("manager");
        String id = WalkingSkeletonJourneyTests.createContact(token, "{\"firstName\":\"Once\",\"lastName\":\"Only\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> WalkingSkeletonJourneyTests.contactCount(token) == 1);
        ConsumerRecord<String, String> original = eventsFor(id).get(0);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(original.topic(), original.key(), original.value())).get();
            // Same key, so same partition, behind the repeat: once it is counted, the repeat has been handled.
            ObjectNode marker = (ObjectNode) JSON.readTree(original.value());
            marker.put("id", UUID.randomUUID().toString()).put("tenantid", markerTenant.id());
            producer.send(new ProducerRecord<>(original.topic(), original.key(), marker.toString())).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> WalkingSkeletonJourneyTests.contactCount(markerToken) == 1);
        assertThat(WalkingSkeletonJourneyTests.contactCount(token)).isEqualTo(1);
    }

    /** Every record of {@code crm.contacts} about one contact, read from the start of the topic. */
    static List<ConsumerRecord<String, String>> eventsFor(String contactId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("crm.contacts"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> {
                    if (contactId.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty() && records.isEmpty();
            });
        }
        return found;
    }
}
