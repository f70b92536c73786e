package crm.contacts.rest;

import crm.contacts.domain.Contact;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A contact as the API shows it; {@code email} and {@code phone} are the primary entries of the lists. */
public record ContactView(UUID id, String unitId, Salutation salutation, String academicTitle, String firstName,
                          String lastName, String email, String phone, List<EmailAddress> emails,
                          List<PhoneNumber> phones, List<PostalAddress> addresses, UUID companyId,
                          LifecycleStage lifecycleStage, String ownerId, List<String> tags, String source,
                          Map<String, Object> customFields, String externalId, int version, String createdBy,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ContactView of(Contact c) {
        var d = c.details();
        return new ContactView(c.id(), d.unitId(), d.salutation(), d.academicTitle(), d.firstName(), d.lastName(),
                d.primaryEmail(), d.primaryPhone(), d.emails(), d.phones(), d.addresses(), d.companyId(),
                d.lifecycleStage(), d.ownerId(), d.tags(), d.source(), d.customFields(), d.externalId(), c.version(),
                c.createdBy(), c.createdAt(), c.updatedAt());
    }
}
