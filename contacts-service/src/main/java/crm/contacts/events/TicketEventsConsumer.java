package crm.contacts.events;

import crm.contacts.service.ConsumedEventTypes;
import crm.contacts.service.ErasureConfirmations;
import crm.contacts.service.TimelineProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.DeadLetters;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.PollReceiver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.tickets}: ticket events go onto contacts' timelines, and erasure confirmations of
 * tickets-service are recorded. A poll is applied in one transaction (see {@link PollReceiver}); one event
 * that cannot be read or applied goes to {@code crm.tickets.dlq}.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    static final String CONSUMER = "contacts.tickets";
    static final String PRODUCER = "tickets-service";

    private final PollReceiver receiver;
    private final PollReceiver.Route route;
    private final TimelineProjector projector;
    private final ErasureConfirmations erasures;

    public TicketEventsConsumer(Inbox inbox, TimelineProjector projector, ErasureConfirmations erasures,
                                @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.receiver = new PollReceiver(inbox, new DeadLetters(deadLetters));
        this.route = new PollReceiver.Route(CONSUMER, this::apply, TimelineEvents::orderKey);
        this.projector = projector;
        this.erasures = erasures;
    }

    @Incoming("tickets")
    public Uni<Void> onTicketEvents(ConsumerRecords<String, String> records) {
        return receiver.receive(records, topic -> route);
    }

    private Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        return ConsumedEventTypes.ERASURE_APPLIED.equals(event.type()) ? erasures.apply(tx, event, PRODUCER)
                : projector.apply(tx, event, PRODUCER);
    }
}
