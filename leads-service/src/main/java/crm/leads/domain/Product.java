package crm.leads.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A product or service of the brand's catalogue; the same for every unit of the tenant. */
public record Product(UUID id, ProductDetails details, int version, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {
}
