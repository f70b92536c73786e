package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person the franchise system knows: a customer or a prospect. */
public record Contact(UUID id, ContactDetails details, int version, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    public String unitId() {
        return details.unitId();
    }
}
