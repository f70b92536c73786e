package crm.analytics.events;

import crm.analytics.service.ContactProjector;
import crm.analytics.service.LeadProjector;
import crm.analytics.service.OrderProjector;
import crm.analytics.service.PrivacyProjector;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.OrderKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Projects {@code crm.contacts}: contacts, consents, companies, purchases, lead links, merges and
 * erasures. Types this service does not need (interactions, tasks, erasure confirmations) are recorded
 * by the inbox and skipped.
 */
@ApplicationScoped
public class ContactEventsConsumer implements TopicConsumer {

    private final ContactProjector contacts;
    private final OrderProjector orders;
    private final LeadProjector leads;
    private final PrivacyProjector privacy;

    public ContactEventsConsumer(ContactProjector contacts, OrderProjector orders,
                                 LeadProjector leads, PrivacyProjector privacy) {
        this.contacts = contacts;
        this.orders = orders;
        this.leads = leads;
        this.privacy = privacy;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS;
    }

    @Override
    public String name() {
        return "analytics.contacts";
    }

    @Override
    public String orderKey(CloudEvent event) {
        return switch (event.type()) {
            case "crm.contact.created.v1", "crm.contact.updated.v1", "crm.consent.changed.v1" ->
                    OrderKeys.of(event, "contact", "contactId");
            case "crm.company.created.v1", "crm.company.updated.v1" -> OrderKeys.of(event, "company", "companyId");
            case "crm.purchase.recorded.v1" -> OrderKeys.of(event, "order", "purchaseId");
            case "crm.contact.lead-linked.v1" -> OrderKeys.of(event, "lead", "leadId");
            case "crm.contact.merged.v1", "crm.contact.erased.v1" -> null;
            default -> OrderKeys.ignored(event);
        };
    }

    @Override
    public Uni<Void> project(SqlConnection tx, CloudEvent event) {
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
