package crm.analytics.events;

import crm.analytics.service.TicketProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.OrderKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects {@code crm.tickets} into the service figures. */
@ApplicationScoped
public class TicketEventsConsumer implements TopicConsumer {

    private final TicketProjector tickets;

    public TicketEventsConsumer(TicketProjector tickets) {
        this.tickets = tickets;
    }

    @Override
    public String topic() {
        return Topics.TICKETS;
    }

    @Override
    public String name() {
        return "analytics.tickets";
    }

    @Override
    public String orderKey(CloudEvent event) {
        return event.type().startsWith("crm.ticket.") ? OrderKeys.of(event, "ticket", "ticketId")
                : OrderKeys.ignored(event);
    }

    @Override
    public Uni<Void> project(SqlConnection tx, CloudEvent event) {
        return tickets.apply(tx, event);
    }
}
