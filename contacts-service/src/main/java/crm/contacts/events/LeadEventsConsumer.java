package crm.contacts.events;

import crm.contacts.service.ConsumedEventTypes;
import crm.contacts.service.ErasureConfirmations;
import crm.contacts.service.LeadConversion;
import crm.contacts.service.TimelineProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.DeadLetters;
import crm.platform.inbox.Inbox;
import crm.platform.inbox.PollReceiver;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.leads}: lead and opportunity events go onto contacts' timelines, a converted lead becomes
 * or finds its contact, and erasure confirmations of leads-service are recorded. A poll is applied in one
 * transaction (see {@link PollReceiver}); each event passes the inbox once; one that cannot be read or
 * applied goes to {@code crm.leads.dlq}.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    static final String CONSUMER = "contacts.leads";
    static final String PRODUCER = "leads-service";

    private final PollReceiver receiver;
    private final PollReceiver.Route route;
    private final TimelineProjector projector;
    private final LeadConversion conversion;
    private final ErasureConfirmations erasures;

    public LeadEventsConsumer(Inbox inbox, TimelineProjector projector, LeadConversion conversion,
                              ErasureConfirmations erasures,
                              @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.receiver = new PollReceiver(inbox, new DeadLetters(deadLetters));
        this.route = new PollReceiver.Route(CONSUMER, this::apply, TimelineEvents::orderKey);
        this.projector = projector;
        this.conversion = conversion;
        this.erasures = erasures;
    }

    @Incoming("leads")
    public Uni<Void> onLeadEvents(ConsumerRecords<String, String> records) {
        return receiver.receive(records, topic -> route);
    }

    private Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        return switch (event.type()) {
            case ConsumedEventTypes.LEAD_CONVERTED ->
                    conversion.apply(tx, event, TenantContext.ofSystem(event.tenantid(), CONSUMER));
            case ConsumedEventTypes.ERASURE_APPLIED -> erasures.apply(tx, event, PRODUCER);
            default -> projector.apply(tx, event, PRODUCER);
        };
    }
}
