package crm.contacts.service;

/**
 * Types of other services' events this service reads (docs/events/README.md). Not in the events package on
 * purpose: the documentation test takes every type declared there for one this service publishes.
 */
public final class ConsumedEventTypes {

    public static final String LEAD_CAPTURED = "crm.lead.captured.v1";
    public static final String LEAD_ASSIGNED = "crm.lead.assigned.v1";
    public static final String LEAD_STATUS_CHANGED = "crm.lead.status-changed.v1";
    public static final String LEAD_SLA_BREACHED = "crm.lead.sla-breached.v1";
    public static final String LEAD_CONVERTED = "crm.lead.converted.v1";
    public static final String OPPORTUNITY_OPENED = "crm.opportunity.opened.v1";
    public static final String OPPORTUNITY_WON = "crm.opportunity.won.v1";
    public static final String OPPORTUNITY_LOST = "crm.opportunity.lost.v1";
    public static final String TICKET_OPENED = "crm.ticket.opened.v1";
    public static final String TICKET_ASSIGNED = "crm.ticket.assigned.v1";
    public static final String TICKET_STATUS_CHANGED = "crm.ticket.status-changed.v1";
    public static final String TICKET_COMMENTED = "crm.ticket.commented.v1";
    public static final String TICKET_SLA_WARNING = "crm.ticket.sla-warning.v1";
    public static final String TICKET_SLA_BREACHED = "crm.ticket.sla-breached.v1";
    public static final String TICKET_RESOLVED = "crm.ticket.resolved.v1";
    public static final String TICKET_REOPENED = "crm.ticket.reopened.v1";
    public static final String TICKET_CLOSED = "crm.ticket.closed.v1";
    public static final String TICKET_RATED = "crm.ticket.rated.v1";
    public static final String ERASURE_APPLIED = "crm.privacy.erasure-applied.v1";

    private ConsumedEventTypes() {
    }
}
