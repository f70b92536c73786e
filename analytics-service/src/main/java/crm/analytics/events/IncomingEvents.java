package crm.analytics.events;

import crm.analytics.service.EventIngestion;
import crm.platform.inbox.DeadLetters;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.PollReceiver;
import crm.platform.inbox.PollReceiver.Polled;
import crm.platform.inbox.PollReceiver.Route;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads all three topics through one consumer and applies what each poll returned (see
 * {@link PollReceiver}), with this service's bookkeeping of freshness and counts ({@link EventIngestion}).
 * One consumer for all topics keeps this service's own batches from deadlocking each other over the rows
 * they share (a contact, a product's sales).
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventIngestion ingestion;
    private final PollReceiver receiver;
    private final Map<String, Route> routes;

    public IncomingEvents(Inbox inbox, EventIngestion ingestion,
                          @Channel("dead-letters") MutinyEmitter<String> deadLetters,
                          @All List<TopicConsumer> consumers) {
        this.ingestion = ingestion;
        this.receiver = new PollReceiver(inbox, new DeadLetters(deadLetters));
        this.routes = consumers.stream().collect(Collectors.toMap(TopicConsumer::topic,
                consumer -> new Route(consumer.name(), consumer::project, consumer::orderKey)));
    }

    @Incoming("events")
    public Uni<Void> receive(ConsumerRecords<String, String> records) {
        return receiver.receive(records, routes::get, new PollReceiver.Applier() {
            @Override
            public Uni<Void> together(List<Polled> polled) {
                return ingestion.receiveTogether(polled);
            }

            @Override
            public Uni<Void> alone(Polled polled) {
                return ingestion.receive(polled.delivery().consumer(), polled.record().topic(),
                        polled.record().value(), polled.delivery().handler());
            }
        });
    }
}
