package crm.tickets.events;

import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to {@code crm.contact.erased.v1}: this service has anonymised the person. */
public final class PrivacyEvents {

    public static final String ERASURE_APPLIED = "crm.privacy.erasure-applied.v1";
    public static final String SERVICE = "tickets-service";

    private PrivacyEvents() {
    }

    public record ErasureApplied(UUID subjectId, String erasureRequestId, String service, OffsetDateTime appliedAt) {
    }

    public static OutgoingEvent erasureApplied(TenantContext context, UUID contactId, String erasureRequestId,
                                               OffsetDateTime at) {
        return OutgoingEvent.of(TicketEvents.TOPIC, ERASURE_APPLIED, contactId.toString(), context, null,
                new ErasureApplied(contactId, erasureRequestId, SERVICE, at));
    }
}
