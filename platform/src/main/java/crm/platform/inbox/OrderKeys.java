package crm.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import crm.platform.events.CloudEvent;

/**
 * Order keys of consumed events (see {@link Inbox.Delivery}): events with the same key are applied in their
 * order, events with different keys side by side. A key names the row whose state a handler reads and
 * writes; an event lacking the field its key needs gets none, so it runs alone, and its handler is the one
 * to reject it.
 */
public final class OrderKeys {

    private OrderKeys() {
    }

    /** The key {@code kind:value} from a text field of the event's data, or null if there is none. */
    public static String of(CloudEvent event, String kind, String field) {
        JsonNode data = event.data();
        JsonNode value = data == null ? null : data.get(field);
        return value == null || !value.isTextual() ? null : kind + ':' + value.textValue();
    }

    /** The key of an event its consumer does nothing with: nothing to order it against. */
    public static String ignored(CloudEvent event) {
        return "event:" + event.id();
    }
}
