package crm.contacts.events;

import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The erasure protocol's request to every other service, published to {@value ContactEvents#TOPIC}. */
public final class PrivacyEvents {

    public static final String CONTACT_ERASED = "crm.contact.erased.v1";

    private PrivacyEvents() {
    }

    /** Every consumer anonymises the contact and confirms with crm.privacy.erasure-applied.v1. */
    public record ContactErased(UUID contactId, UUID erasureRequestId, OffsetDateTime requestedAt) {
    }

    public static OutgoingEvent erased(TenantContext context, String unitId, UUID contactId, UUID requestId,
                                       OffsetDateTime requestedAt) {
        return OutgoingEvent.of(ContactEvents.TOPIC, CONTACT_ERASED, contactId.toString(), context, unitId,
                new ContactErased(contactId, requestId, requestedAt));
    }
}
