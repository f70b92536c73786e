package crm.analytics.service;

import crm.analytics.events.EventPayload;
import crm.analytics.repository.CampaignRepository;
import crm.analytics.repository.CatalogueRepository;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The catalogue and the campaigns, as leads-service publishes them; the newest update wins. */
@ApplicationScoped
public class CatalogueProjector {

    static final String PRODUCT_UPSERTED = "crm.product.upserted.v1";
    static final String CAMPAIGN_UPSERTED = "crm.campaign.upserted.v1";

    private final CatalogueRepository catalogue;
    private final CampaignRepository campaigns;
    private final ReportingCurrency currency;

    public CatalogueProjector(CatalogueRepository catalogue, CampaignRepository campaigns, ReportingCurrency currency) {
        this.catalogue = catalogue;
        this.campaigns = campaigns;
        this.currency = currency;
    }

    public Uni<Void> productUpserted(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        Boolean active = p.optionalBoolean("active");
        return catalogue.upsert(tx, p.uuid("productId"), p.text("sku"), p.optionalText("name"),
                p.optionalText("category"), p.optionalText("kind"), p.optionalDecimal("listPrice"),
                p.optionalText("currency"), active == null || active, p.optionalInstant("updatedAt"));
    }

    public Uni<Void> campaignUpserted(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        BigDecimal budget = p.optionalDecimal("budget");
        String code = p.optionalText("currency");
        return campaigns.upsertCampaign(tx, p.uuid("campaignId"), p.optionalText("name"), p.optionalText("channel"),
                date(event, p, "startsOn"), date(event, p, "endsOn"), budget, code,
                budget == null ? null : currency.convert(budget, code), p.optionalInstant("updatedAt"));
    }

    private static LocalDate date(CloudEvent event, EventPayload p, String field) {
        String text = p.optionalText(field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("unreadable event: " + event.type() + " " + event.id() + ": data."
                    + field + " is not a date");
        }
    }
}
