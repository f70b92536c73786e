package crm.leads.rest;

import crm.leads.domain.Campaign;
import crm.leads.domain.Channel;
import crm.leads.domain.OpportunityPricing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A campaign as the API shows it; {@code unitId} null means brand-wide. */
public record CampaignView(UUID id, String unitId, String name, Channel channel, LocalDate startsOn, LocalDate endsOn,
                           BigDecimal budget, String currency, int version, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

    static CampaignView of(Campaign c) {
        var d = c.details();
        return new CampaignView(c.id(), d.unitId(), d.name(), d.channel(), d.startsOn(), d.endsOn(),
                OpportunityPricing.money(d.budget()), d.currency(), c.version(), c.createdAt(), c.updatedAt());
    }
}
