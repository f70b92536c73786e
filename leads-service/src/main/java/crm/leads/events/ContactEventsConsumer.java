package crm.leads.events;

import crm.leads.service.ContactEventsProjector;
import crm.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.contacts} (consumer group leads-service). Each event passes the inbox once; an event
 * that cannot be read goes to {@code crm.contacts.dlq} with the reason in its headers, and the partition
 * keeps moving.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "leads.contacts";

    private final Inbox inbox;
    private final ContactEventsProjector projector;

    public ContactEventsConsumer(Inbox inbox, ContactEventsProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvent(String payload) {
        return inbox.receive(CONSUMER, payload, projector::apply).replaceWithVoid();
    }
}
