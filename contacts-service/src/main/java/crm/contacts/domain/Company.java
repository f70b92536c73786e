package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organisation contacts work for: a business customer or prospect (an account). */
public record Company(UUID id, CompanyDetails details, int version, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    public String unitId() {
        return details.unitId();
    }
}
