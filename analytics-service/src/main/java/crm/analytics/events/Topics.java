package crm.analytics.events;

import java.util.List;

/** The topics analytics-service consumes and the one it publishes to (docs/events/README.md). */
public final class Topics {

    public static final String CONTACTS = "crm.contacts";
    public static final String LEADS = "crm.leads";
    public static final String TICKETS = "crm.tickets";
    public static final String ANALYTICS = "crm.analytics";

    /** Consumed topics, in the order reports list them. */
    public static final List<String> CONSUMED = List.of(CONTACTS, LEADS, TICKETS);

    private Topics() {
    }
}
