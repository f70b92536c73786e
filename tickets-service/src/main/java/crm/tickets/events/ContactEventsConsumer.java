package crm.tickets.events;

import crm.platform.inbox.Inbox;
import crm.tickets.service.ContactProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.contacts} (consumer group tickets-service). Each event passes the inbox once; an event
 * that cannot be read fails and goes to {@code crm.contacts.dlq} with the reason in its headers, and the
 * partition keeps moving.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "tickets.contacts";

    private final Inbox inbox;
    private final ContactProjector projector;

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvent(String payload) {
        return inbox.receive(CONSUMER, payload, projector::apply).replaceWithVoid();
    }
}
