package crm.leads.events;

import crm.leads.domain.Campaign;
import crm.leads.domain.OpportunityPricing;
import crm.platform.events.OutgoingEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@value #CAMPAIGN_UPSERTED}: a campaign's whole current state after every change, keyed by campaign id
 * on {@value OpportunityEvents#TOPIC}; {@code unitid} is set for a unit's own campaign.
 */
public final class CampaignEvents {

    public static final String CAMPAIGN_UPSERTED = "crm.campaign.upserted.v1";

    private CampaignEvents() {
    }

    /** Adds {@code unitId} (null = brand-wide) and {@code version} to the catalogue's payload. */
    public record CampaignUpserted(UUID campaignId, String name, String channel, LocalDate startsOn, LocalDate endsOn,
                                   BigDecimal budget, String currency, OffsetDateTime updatedAt, String unitId,
                                   int version) {
    }

    public static OutgoingEvent upserted(String tenantId, Campaign c) {
        var d = c.details();
        return new OutgoingEvent(OpportunityEvents.TOPIC, CAMPAIGN_UPSERTED, c.id().toString(), tenantId, c.unitId(),
                new CampaignUpserted(c.id(), d.name(), d.channel().value(), d.startsOn(), d.endsOn(),
                        OpportunityPricing.money(d.budget()), d.currency(), c.updatedAt(), c.unitId(), c.version()));
    }
}
