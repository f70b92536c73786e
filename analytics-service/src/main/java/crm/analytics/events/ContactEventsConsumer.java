package crm.analytics.events;

import crm.analytics.service.ContactProjector;
import crm.analytics.service.EventIngestion;
import crm.analytics.service.LeadProjector;
import crm.analytics.service.OrderProjector;
import crm.analytics.service.PrivacyProjector;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code crm.contacts}. Each event passes the inbox once; an event that cannot be read fails and
 * goes to {@code crm.contacts.dlq} with the reason in its headers, and the partition keeps moving. Types
 * this service does not need (interactions, tasks, erasure confirmations) are recorded and skipped.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "analytics.contacts";

    private final EventIngestion ingestion;
    private final ContactProjector contacts;
    private final OrderProjector orders;
    private final LeadProjector leads;
    private final PrivacyProjector privacy;

    public ContactEventsConsumer(EventIngestion ingestion, ContactProjector contacts, OrderProjector orders,
                                 LeadProjector leads, PrivacyProjector privacy) {
        this.ingestion = ingestion;
        this.contacts = contacts;
        this.orders = orders;
        this.leads = leads;
        this.privacy = privacy;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvent(String payload) {
        return ingestion.receive(CONSUMER, Topics.CONTACTS, payload, this::project);
    }

    Uni<Void> project(SqlConnection tx, CloudEvent event) {
        switch (event.type()) {
            case "crm.contact.created.v1":
            case "crm.contact.updated.v1":
                return contacts.contactChanged(tx, event);
            case "crm.consent.changed.v1":
                return contacts.consentChanged(tx, event);
            case "crm.company.created.v1":
            case "crm.company.updated.v1":
                return contacts.companyChanged(tx, event);
            case "crm.purchase.recorded.v1":
                return orders.purchaseRecorded(tx, event);
            case "crm.contact.lead-linked.v1":
                return leads.apply(tx, event);
            case "crm.contact.merged.v1":
                return privacy.contactMerged(tx, event);
            case "crm.contact.erased.v1":
                return privacy.contactErased(tx, event);
            default:
                return Uni.createFrom().voidItem();
        }
    }
}
