package crm.leads.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A marketing campaign that leads and opportunities are attributed to. */
public record Campaign(UUID id, CampaignDetails details, int version, String createdBy, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    public String unitId() {
        return details.unitId();
    }

    public boolean brandWide() {
        return details.unitId() == null;
    }
}
