package crm.contacts.events;

import crm.contacts.service.ConsumedEventTypes;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.OrderKeys;

/**
 * Order keys of the lead and ticket events this service consumes (see {@code Inbox.Delivery}). A timeline
 * entry reads its contact and adds one row, so different contacts' entries go side by side; an event
 * naming no contact adds nothing. A conversion creates or finds a contact and an erasure confirmation
 * updates its request: they run alone.
 */
final class TimelineEvents {

    private TimelineEvents() {
    }

    static String orderKey(CloudEvent event) {
        if (ConsumedEventTypes.LEAD_CONVERTED.equals(event.type())
                || ConsumedEventTypes.ERASURE_APPLIED.equals(event.type())) {
            return null;
        }
        String contact = OrderKeys.of(event, "contact", "contactId");
        return contact != null ? contact : OrderKeys.ignored(event);
    }
}
