package crm.analytics.events;

import crm.analytics.service.EventIngestion;
import crm.analytics.service.EventIngestion.Consumed;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.UnreadableEventException;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads all three topics through one consumer and applies what each poll returned. Records that are not
 * even a readable envelope are parked at once; the rest are applied in one transaction, so a backlog
 * costs one commit per poll, not one per event. One consumer for all topics keeps this service's own
 * batches from deadlocking each other over the rows they share (a contact, a product's sales). If the
 * transaction fails anyway (a deadlock with another replica is tried again; a payload that breaks its
 * type's contract, the database restarting), the poll is applied again event by event: each event with
 * the inbox's retries, and an event that still cannot be applied is parked, so the others go on.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    /** deadlock_detected and serialization_failure: the transaction may well pass when tried again. */
    private static final Set<String> TRANSIENT = Set.of("40P01", "40001");
    private static final int TOGETHER_ATTEMPTS = 3;

    private final Inbox inbox;
    private final EventIngestion ingestion;
    private final DeadLetters deadLetters;
    private final Map<String, TopicConsumer> consumers;

    public IncomingEvents(Inbox inbox, EventIngestion ingestion, DeadLetters deadLetters,
                          @All List<TopicConsumer> consumers) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.consumers = consumers.stream().collect(Collectors.toMap(TopicConsumer::topic, Function.identity()));
    }

    @Incoming("events")
    public Uni<Void> receive(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>();
        List<Consumed> events = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            TopicConsumer consumer = consumers.get(record.topic());
            try {
                if (consumer == null) {
                    throw new UnreadableEventException("no consumer for topic " + record.topic());
                }
                CloudEvent event = inbox.read(record.value());
                events.add(new Consumed(consumer.name(), record.topic(), event, consumer::project,
                        consumer.orderKey(event)));
                readable.add(record);
            } catch (UnreadableEventException e) {
                parked.add(deadLetters.park(record, e));
            }
        }
        Uni<Void> parking = parked.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        return parking.flatMap(ignored -> ingestion.receiveTogether(events)
                .onFailure(IncomingEvents::isTransient).retry().atMost(TOGETHER_ATTEMPTS - 1)
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("applying a poll of %d events one by one, as it failed together: %s", events.size(),
                            failure.getMessage());
                    return oneByOne(readable);
                }));
    }

    private Uni<Void> oneByOne(List<ConsumerRecord<String, String>> records) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> {
                    TopicConsumer consumer = consumers.get(record.topic());
                    return ingestion.receive(consumer.name(), record.topic(), record.value(), consumer::project)
                            .onFailure().recoverWithUni(failure -> deadLetters.park(record, failure));
                })
                .collect().last().replaceWithVoid();
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof PgException pg && TRANSIENT.contains(pg.getSqlState());
    }
}
