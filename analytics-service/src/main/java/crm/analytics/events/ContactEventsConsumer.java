package crm.analytics.events;

import crm.analytics.service.ContactStatsProjector;
import crm.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.contacts}. Each event passes the inbox once; an event that cannot be read fails and
 * goes to {@code crm.contacts.dlq} with the reason in its headers, and the partition keeps moving.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "analytics.contacts";

    private final Inbox inbox;
    private final ContactStatsProjector projector;

    public ContactEventsConsumer(Inbox inbox, ContactStatsProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvent(String payload) {
        return inbox.receive(CONSUMER, payload, projector::apply).replaceWithVoid();
    }
}
