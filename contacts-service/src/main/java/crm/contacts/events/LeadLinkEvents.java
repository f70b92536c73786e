package crm.contacts.events;

import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.util.UUID;

/** The answer to a converted lead, published to {@value ContactEvents#TOPIC} keyed by contact id. */
public final class LeadLinkEvents {

    public static final String CONTACT_LEAD_LINKED = "crm.contact.lead-linked.v1";

    private LeadLinkEvents() {
    }

    /** {@code created} is true when the conversion created the contact rather than finding one. */
    public record ContactLeadLinked(UUID contactId, UUID leadId, UUID companyId, boolean created) {
    }

    public static OutgoingEvent linked(TenantContext context, String unitId, UUID contactId, UUID leadId,
                                       UUID companyId, boolean created) {
        return OutgoingEvent.of(ContactEvents.TOPIC, CONTACT_LEAD_LINKED, contactId.toString(), context, unitId,
                new ContactLeadLinked(contactId, leadId, companyId, created));
    }
}
