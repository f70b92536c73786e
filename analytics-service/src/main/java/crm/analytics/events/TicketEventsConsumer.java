package crm.analytics.events;

import crm.analytics.service.EventIngestion;
import crm.analytics.service.TicketProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code crm.tickets} through the inbox into the service figures. */
@ApplicationScoped
public class TicketEventsConsumer {

    static final String CONSUMER = "analytics.tickets";

    private final EventIngestion ingestion;
    private final TicketProjector tickets;

    public TicketEventsConsumer(EventIngestion ingestion, TicketProjector tickets) {
        this.ingestion = ingestion;
        this.tickets = tickets;
    }

    @Incoming("tickets")
    public Uni<Void> onTicketEvent(String payload) {
        return ingestion.receive(CONSUMER, Topics.TICKETS, payload, tickets::apply);
    }
}
