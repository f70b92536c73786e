package crm.analytics.service;

import crm.analytics.repository.ContactStatsRepository;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Folds contact events into the per-tenant, per-unit contact counts. */
@ApplicationScoped
public class ContactStatsProjector {

    static final String CONTACT_CREATED = "crm.contact.created.v1";

    private final ContactStatsRepository stats;

    public ContactStatsProjector(ContactStatsRepository stats) {
        this.stats = stats;
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        if (CONTACT_CREATED.equals(event.type())) {
            return stats.countNewContact(tx, event.tenantid(), event.unitid());
        }
        return Uni.createFrom().voidItem();
    }
}
