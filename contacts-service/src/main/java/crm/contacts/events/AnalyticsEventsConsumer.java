package crm.contacts.events;

import crm.contacts.service.ConsumedEventTypes;
import crm.contacts.service.ErasureConfirmations;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code crm.analytics}, which carries only analytics-service's erasure confirmations. */
@ApplicationScoped
public class AnalyticsEventsConsumer {

    static final String CONSUMER = "contacts.analytics";
    static final String PRODUCER = "analytics-service";

    private final Inbox inbox;
    private final ErasureConfirmations erasures;

    public AnalyticsEventsConsumer(Inbox inbox, ErasureConfirmations erasures) {
        this.inbox = inbox;
        this.erasures = erasures;
    }

    @Incoming("analytics")
    public Uni<Void> onAnalyticsEvent(String payload) {
        return inbox.receive(CONSUMER, payload, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        return ConsumedEventTypes.ERASURE_APPLIED.equals(event.type()) ? erasures.apply(tx, event, PRODUCER)
                : Uni.createFrom().voidItem();
    }
}
