package crm.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Parks a consumed record that cannot be applied in its topic's dead-letter topic ({@code <topic>.dlq}),
 * with the key and value as they came and the reason in headers named as the messaging connector names
 * them, so parked records look the same whoever parked them. Batch consumption needs this: the
 * connector's own dead-letter strategy would park a whole batch for one bad record. Not a bean: a service
 * that consumes in batches hands it the emitter of its own dead-letter channel (any topic; each record
 * names its own).
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the parked record. */
    public Uni<Void> park(ConsumerRecord<String, String> record, Throwable failure) {
        String deadLetterTopic = record.topic() + ".dlq";
        LOG.warnf("parking %s-%d@%d in %s: %s", record.topic(), record.partition(), record.offset(), deadLetterTopic,
                failure.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", failure.getMessage() == null ? failure.toString() : failure.getMessage());
        header(headers, "dead-letter-exception-class-name", failure.getClass().getName());
        if (failure.getCause() != null) {
            header(headers, "dead-letter-cause", String.valueOf(failure.getCause().getMessage()));
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", String.valueOf(record.partition()));
        header(headers, "dead-letter-offset", String.valueOf(record.offset()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(deadLetterTopic).withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
