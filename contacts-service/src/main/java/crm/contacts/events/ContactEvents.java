package crm.contacts.events;

import crm.contacts.domain.Contact;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The contact events contacts-service publishes to {@value #TOPIC}; each type is documented in docs/events. */
public final class ContactEvents {

    public static final String TOPIC = "crm.contacts";
    public static final String CONTACT_CREATED = "crm.contact.created.v1";
    public static final String CONTACT_UPDATED = "crm.contact.updated.v1";

    private ContactEvents() {
    }

    /** What other services need to know of a new contact; nothing more personal than that. */
    public record ContactCreated(UUID contactId, String unitId, String firstName, String lastName, String email,
                                 String lifecycleStage, UUID companyId, String ownerId, OffsetDateTime createdAt) {
    }

    /**
     * A contact changed: which fields (API names), and the current values of what consumers keep in read
     * models. {@code previousUnitId} tells per-unit counters where the contact came from.
     */
    public record ContactUpdated(UUID contactId, int version, List<String> changedFields, String unitId,
                                 String previousUnitId, String firstName, String lastName, String email,
                                 String lifecycleStage, UUID companyId, String ownerId, OffsetDateTime updatedAt) {
    }

    public static OutgoingEvent created(TenantContext context, Contact c) {
        var d = c.details();
        return OutgoingEvent.of(TOPIC, CONTACT_CREATED, c.id().toString(), context, c.unitId(),
                new ContactCreated(c.id(), c.unitId(), d.firstName(), d.lastName(), d.primaryEmail(),
                        d.lifecycleStage().value(), d.companyId(), d.ownerId(), c.createdAt()));
    }

    public static OutgoingEvent updated(TenantContext context, Contact before, Contact after, List<String> changed) {
        var d = after.details();
        return OutgoingEvent.of(TOPIC, CONTACT_UPDATED, after.id().toString(), context, after.unitId(),
                new ContactUpdated(after.id(), after.version(), changed, after.unitId(), before.unitId(),
                        d.firstName(), d.lastName(), d.primaryEmail(), d.lifecycleStage().value(), d.companyId(),
                        d.ownerId(), after.updatedAt()));
    }
}
