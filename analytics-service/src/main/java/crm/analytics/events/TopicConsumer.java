package crm.analytics.events;

import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What analytics-service makes of the events of one consumed topic; {@link IncomingEvents} feeds it. */
public interface TopicConsumer {

    /** The topic whose events this consumer projects. */
    String topic();

    /** The name the inbox records this consumer's events under. */
    String name();

    /**
     * The event's order key (see {@code Inbox.Delivery}): the row whose state its projection reads and
     * writes (a lead, a ticket, a contact's profile, an order). Everything else a projection changes is a
     * sum or a latest value, which any order gives the same. Null applies the event alone, in order with
     * all others of its poll: merges and erasures, which move or remove rows of many keys.
     */
    String orderKey(CloudEvent event);

    /** Applies one event to the read model inside the caller's transaction; types it does not need are skipped. */
    Uni<Void> project(SqlConnection tx, CloudEvent event);
}
