package crm.contacts.events;

import crm.contacts.domain.Contact;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The events contacts-service publishes to {@value #TOPIC}; each type is documented in docs/events. */
public final class ContactEvents {

    public static final String TOPIC = "crm.contacts";
    public static final String CONTACT_CREATED = "crm.contact.created.v1";

    private ContactEvents() {
    }

    /** What other services need to know of a new contact; nothing more personal than that. */
    public record ContactCreated(UUID contactId, String unitId, String firstName, String lastName, String email,
                                 OffsetDateTime createdAt) {
    }

    public static OutgoingEvent created(TenantContext context, Contact c) {
        return OutgoingEvent.of(TOPIC, CONTACT_CREATED, c.id().toString(), context, c.unitId(),
                new ContactCreated(c.id(), c.unitId(), c.firstName(), c.lastName(), c.email(), c.createdAt()));
    }
}
