package crm.analytics.service;

import crm.analytics.events.AnalyticsEvents;
import crm.analytics.events.EventPayload;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.PersonRepository;
import crm.platform.events.CloudEvent;
import crm.platform.events.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Merges and erasures of people: the read model follows contacts-service's decisions. */
@ApplicationScoped
public class PrivacyProjector {

    static final String CONTACT_MERGED = "crm.contact.merged.v1";
    static final String CONTACT_ERASED = "crm.contact.erased.v1";

    private final ContactRepository contacts;
    private final PersonRepository people;
    private final AggregateBatches aggregates;
    private final Outbox outbox;

    public PrivacyProjector(ContactRepository contacts, PersonRepository people, AggregateBatches aggregates,
                            Outbox outbox) {
        this.contacts = contacts;
        this.people = people;
        this.aggregates = aggregates;
        this.outbox = outbox;
    }

    /** crm.contact.merged.v1: everything of the merged id moves to the survivor. Both are locked, in id order. */
    public Uni<Void> contactMerged(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        UUID survivor = p.uuid("survivorId");
        UUID merged = p.uuid("mergedId");
        if (survivor.equals(merged)) {
            return Uni.createFrom().voidItem();
        }
        UUID first = survivor.compareTo(merged) < 0 ? survivor : merged;
        UUID second = first.equals(survivor) ? merged : survivor;
        return contacts.lock(tx, first)
                .flatMap(ignored -> contacts.lock(tx, second))
                .flatMap(ignored -> people.merge(tx, merged, survivor, p.instantOrEventTime("mergedAt")))
                .call(() -> aggregates.requestScoring(tx));
    }

    /**
     * crm.contact.erased.v1: the person's data is erased from the read model and the confirmation
     * crm.privacy.erasure-applied.v1 is written to the outbox in the same transaction, so it is sent if and
     * only if the erasure committed.
     */
    public Uni<Void> contactErased(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        UUID contactId = p.uuid("contactId");
        UUID requestId = p.uuid("erasureRequestId");
        OffsetDateTime appliedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return contacts.lock(tx, contactId)
                .flatMap(ignored -> people.erase(tx, contactId, requestId, p.optionalInstant("requestedAt"),
                        UUID.randomUUID()))
                .flatMap(ignored -> outbox.append(tx, AnalyticsEvents.erasureApplied(event.tenantid(), event.unitid(),
                        contactId, requestId, appliedAt)))
                .call(() -> aggregates.requestScoring(tx));
    }
}
