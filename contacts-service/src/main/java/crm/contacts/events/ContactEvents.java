package crm.contacts.events;

import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.PostalAddress;
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
    public static final String CONTACT_MERGED = "crm.contact.merged.v1";

    private ContactEvents() {
    }

    /**
     * What other services need to know of a new contact; nothing more personal than that. {@code phone} is
     * the primary number (E.164), {@code postalCode} and {@code city} those of the first postal address.
     */
    public record ContactCreated(UUID contactId, String unitId, String firstName, String lastName, String email,
                                 String lifecycleStage, UUID companyId, String ownerId, OffsetDateTime createdAt,
                                 String phone, String postalCode, String city, List<String> tags) {
    }

    /**
     * A contact changed: which fields (API names), and the current values of what consumers keep in read
     * models. {@code previousUnitId} tells per-unit counters where the contact came from.
     */
    public record ContactUpdated(UUID contactId, int version, List<String> changedFields, String unitId,
                                 String previousUnitId, String firstName, String lastName, String email,
                                 String lifecycleStage, UUID companyId, String ownerId, OffsetDateTime updatedAt,
                                 String phone, String postalCode, String city, List<String> tags) {
    }

    /** {@code mergedId} was merged into {@code survivorId}: consumers re-point what they hold of mergedId. */
    public record ContactMerged(UUID survivorId, UUID mergedId, OffsetDateTime mergedAt) {
    }

    public static OutgoingEvent created(TenantContext context, Contact c) {
        var d = c.details();
        return OutgoingEvent.of(TOPIC, CONTACT_CREATED, c.id().toString(), context, c.unitId(),
                new ContactCreated(c.id(), c.unitId(), d.firstName(), d.lastName(), d.primaryEmail(),
                        d.lifecycleStage().value(), d.companyId(), d.ownerId(), c.createdAt(), d.primaryPhone(),
                        postalCode(d), city(d), d.tags()));
    }

    public static OutgoingEvent updated(TenantContext context, Contact before, Contact after, List<String> changed) {
        var d = after.details();
        return OutgoingEvent.of(TOPIC, CONTACT_UPDATED, after.id().toString(), context, after.unitId(),
                new ContactUpdated(after.id(), after.version(), changed, after.unitId(), before.unitId(),
                        d.firstName(), d.lastName(), d.primaryEmail(), d.lifecycleStage().value(), d.companyId(),
                        d.ownerId(), after.updatedAt(), d.primaryPhone(), postalCode(d), city(d), d.tags()));
    }

    /** Keyed by the survivor, so that it is ordered with the survivor's own update event. */
    public static OutgoingEvent merged(TenantContext context, Contact survivor, UUID mergedId, OffsetDateTime mergedAt) {
        return OutgoingEvent.of(TOPIC, CONTACT_MERGED, survivor.id().toString(), context, survivor.unitId(),
                new ContactMerged(survivor.id(), mergedId, mergedAt));
    }

    private static String postalCode(ContactDetails d) {
        PostalAddress first = d.firstAddress();
        return first == null ? null : first.postalCode();
    }

    private static String city(ContactDetails d) {
        PostalAddress first = d.firstAddress();
        return first == null ? null : first.city();
    }
}
