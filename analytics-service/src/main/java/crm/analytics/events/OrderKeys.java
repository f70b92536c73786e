package crm.analytics.events;

import com.fasterxml.jackson.databind.JsonNode;
import crm.platform.events.CloudEvent;

/**
 * The order keys of consumed events (see {@code Inbox.Delivery}): events with the same key are applied in
 * their order, events with different keys side by side. An event's key names the row whose state its
 * projection reads and writes (a lead, a ticket, a contact's profile, an order); everything else it
 * changes is a sum or a latest value, which any order gives the same. Merges and erasures move or remove
 * rows of many keys, so they get none and run alone; so does an event lacking the field its key needs,
 * which its projector will then reject.
 */
final class OrderKeys {

    private OrderKeys() {
    }

    /** The key {@code kind:value} from the field of the event's data, or null if the field is missing. */
    static String of(CloudEvent event, String kind, String field) {
        JsonNode data = event.data();
        JsonNode value = data == null ? null : data.get(field);
        return value == null || !value.isTextual() ? null : kind + ':' + value.textValue();
    }

    /** The key of an event that changes nothing here: nothing it could be ordered against. */
    static String ignored(CloudEvent event) {
        return "event:" + event.id();
    }
}
