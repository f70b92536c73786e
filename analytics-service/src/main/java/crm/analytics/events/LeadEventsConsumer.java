package crm.analytics.events;

import crm.analytics.service.CatalogueProjector;
import crm.analytics.service.EventIngestion;
import crm.analytics.service.LeadProjector;
import crm.analytics.service.OrderProjector;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code crm.leads} through the inbox: leads, won opportunities, the catalogue and campaigns. */
@ApplicationScoped
public class LeadEventsConsumer {

    static final String CONSUMER = "analytics.leads";

    private final EventIngestion ingestion;
    private final LeadProjector leads;
    private final OrderProjector orders;
    private final CatalogueProjector catalogue;

    public LeadEventsConsumer(EventIngestion ingestion, LeadProjector leads, OrderProjector orders,
                              CatalogueProjector catalogue) {
        this.ingestion = ingestion;
        this.leads = leads;
        this.orders = orders;
        this.catalogue = catalogue;
    }

    @Incoming("leads")
    public Uni<Void> onLeadEvent(String payload) {
        return ingestion.receive(CONSUMER, Topics.LEADS, payload, this::project);
    }

    Uni<Void> project(SqlConnection tx, CloudEvent event) {
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
