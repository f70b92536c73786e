package crm.contacts.rest;

import crm.contacts.domain.Contact;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact as the API shows it. */
public record ContactView(UUID id, String unitId, String firstName, String lastName, String email, String phone,
                          int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ContactView of(Contact c) {
        return new ContactView(c.id(), c.unitId(), c.firstName(), c.lastName(), c.email(), c.phone(), c.version(),
                c.createdAt(), c.updatedAt());
    }
}
