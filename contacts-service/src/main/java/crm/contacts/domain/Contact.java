package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person the franchise system knows: a customer or a prospect. */
public record Contact(UUID id, String unitId, String firstName, String lastName, String email, String phone,
                      int version, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
