package crm.contacts.events;

import crm.contacts.service.ConsumedEventTypes;
import crm.contacts.service.ErasureConfirmations;
import crm.contacts.service.TimelineProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.tickets}: ticket events go onto contacts' timelines, and erasure confirmations of
 * tickets-service are recorded. One that cannot be read goes to {@code crm.tickets.dlq}.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    static final String CONSUMER = "contacts.tickets";
    static final String PRODUCER = "tickets-service";

    private final Inbox inbox;
    private final TimelineProjector projector;
    private final ErasureConfirmations erasures;

    public TicketEventsConsumer(Inbox inbox, TimelineProjector projector, ErasureConfirmations erasures) {
        this.inbox = inbox;
        this.projector = projector;
        this.erasures = erasures;
    }

    @Incoming("tickets")
    public Uni<Void> onTicketEvent(String payload) {
        return inbox.receive(CONSUMER, payload, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        return ConsumedEventTypes.ERASURE_APPLIED.equals(event.type()) ? erasures.apply(tx, event, PRODUCER)
                : projector.apply(tx, event, PRODUCER);
    }
}
