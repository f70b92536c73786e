package crm.analytics.events;

import crm.analytics.service.CatalogueProjector;
import crm.analytics.service.LeadProjector;
import crm.analytics.service.OrderProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.OrderKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects {@code crm.leads}: leads, won opportunities, the catalogue and campaigns. */
@ApplicationScoped
public class LeadEventsConsumer implements TopicConsumer {

    private final LeadProjector leads;
    private final OrderProjector orders;
    private final CatalogueProjector catalogue;

    public LeadEventsConsumer(LeadProjector leads, OrderProjector orders,
                              CatalogueProjector catalogue) {
        this.leads = leads;
        this.orders = orders;
        this.catalogue = catalogue;
    }

    @Override
    public String topic() {
        return Topics.LEADS;
    }

    @Override
    public String name() {
        return "analytics.leads";
    }

    /** A won opportunity takes its lead's campaign, so it is ordered with its lead's events. */
    @Override
    public String orderKey(CloudEvent event) {
        return switch (event.type()) {
            case "crm.opportunity.won.v1" -> event.data() != null && event.data().hasNonNull("leadId")
                    ? OrderKeys.of(event, "lead", "leadId") : OrderKeys.of(event, "order", "opportunityId");
            case "crm.product.upserted.v1" -> OrderKeys.of(event, "product", "sku");
            case "crm.campaign.upserted.v1" -> OrderKeys.of(event, "campaign", "campaignId");
            default -> leads.handles(event.type()) ? OrderKeys.of(event, "lead", "leadId") : OrderKeys.ignored(event);
        };
    }

    @Override
    public Uni<Void> project(SqlConnection tx, CloudEvent event) {
        switch (event.type()) {
            case "crm.opportunity.won.v1":
                return orders.opportunityWon(tx, event);
            case "crm.product.upserted.v1":
                return catalogue.productUpserted(tx, event);
            case "crm.campaign.upserted.v1":
                return catalogue.campaignUpserted(tx, event);
            default:
                return leads.handles(event.type()) ? leads.apply(tx, event) : Uni.createFrom().voidItem();
        }
    }
}
