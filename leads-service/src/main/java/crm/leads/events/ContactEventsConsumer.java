package crm.leads.events;

import crm.leads.service.ContactEventsProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.DeadLetters;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.OrderKeys;
import crm.platform.inbox.PollReceiver;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.contacts} (consumer group leads-service) a poll at a time, in one transaction per poll
 * (see {@link PollReceiver}). Each event passes the inbox once; an event that cannot be read or applied
 * goes to {@code crm.contacts.dlq} with the reason in its headers, and the partition keeps moving.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "leads.contacts";

    private final PollReceiver receiver;
    private final PollReceiver.Route route;

    public ContactEventsConsumer(Inbox inbox, ContactEventsProjector projector,
                                 @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.receiver = new PollReceiver(inbox, new DeadLetters(deadLetters));
        this.route = new PollReceiver.Route(CONSUMER, projector::apply, ContactEventsConsumer::orderKey);
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvents(ConsumerRecords<String, String> records) {
        return receiver.receive(records, topic -> route);
    }

    /**
     * A contact's versions only replace its own projection row, so different contacts' go side by side;
     * merges, erasures and lead links change leads too and run alone.
     */
    static String orderKey(CloudEvent event) {
        return switch (event.type()) {
            case "crm.contact.created.v1", "crm.contact.updated.v1" -> OrderKeys.of(event, "contact", "contactId");
            default -> null;
        };
    }
}
