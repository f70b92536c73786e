package crm.analytics.service;

import crm.analytics.domain.ContactProfile;
import crm.analytics.events.EventPayload;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.ContactStatsRepository;
import crm.analytics.repository.Statements;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Keeps contacts' minimal personal data, consents, company sizes and the per-unit contact counts. */
@ApplicationScoped
public class ContactProjector {

    static final String CONTACT_CREATED = "crm.contact.created.v1";
    static final String CONTACT_UPDATED = "crm.contact.updated.v1";
    static final String CONSENT_CHANGED = "crm.consent.changed.v1";
    static final String COMPANY_CREATED = "crm.company.created.v1";
    static final String COMPANY_UPDATED = "crm.company.updated.v1";

    private static final Set<String> CHANNELS = Set.of("email", "phone", "sms", "post");
    private static final Set<String> CONSENT_STATUSES = Set.of("granted", "withdrawn", "unknown");

    private final ContactRepository contacts;
    private final ContactStatsRepository stats;
    private final AggregateBatches aggregates;

    public ContactProjector(ContactRepository contacts, ContactStatsRepository stats, AggregateBatches aggregates) {
        this.contacts = contacts;
        this.stats = stats;
        this.aggregates = aggregates;
    }

    /**
     * crm.contact.created.v1 and crm.contact.updated.v1. The contact counts follow created events and unit
     * moves; the profile keeps the newest version. Nothing is stored of an erased person or of a record
     * that was merged away.
     */
    public Uni<Void> contactChanged(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        boolean created = CONTACT_CREATED.equals(event.type());
        UUID contactId = p.uuid("contactId");
        String unit = p.has("unitId") ? p.optionalText("unitId") : event.unitid();
        Uni<Void> counts;
        if (created) {
            counts = stats.countNewContact(tx, event.tenantid(), unit);
        } else if (p.has("previousUnitId") && !Objects.equals(p.optionalText("previousUnitId"), unit)) {
            counts = stats.moveContact(tx, event.tenantid(), p.optionalText("previousUnitId"), unit);
        } else {
            counts = Uni.createFrom().voidItem();
        }
        Long version = p.optionalLong("version");
        ContactProfile profile = new ContactProfile(contactId, unit, p.optionalText("firstName"),
                p.optionalText("lastName"), p.optionalText("email"), p.optionalText("phone"), p.optionalText("street"),
                p.optionalText("postalCode"), p.optionalText("city"), p.optionalText("lifecycleStage"), p.texts("tags"),
                p.optionalUuid("companyId"), version != null ? version.intValue() : 1);
        // The counts do not depend on who the contact resolves to, so both go out at once.
        return Uni.combine().all().unis(counts, contacts.resolve(tx, contactId)).asTuple().flatMap(both -> {
            ContactRepository.ResolvedContact resolved = both.getItem2();
            if (resolved.erased() || !resolved.id().equals(contactId)) {
                return Uni.createFrom().voidItem();
            }
            return Statements.together(List.of(contacts.upsertProfile(tx, profile), aggregates.requestScoring(tx)));
        });
    }

    /** crm.consent.changed.v1: the latest change per channel wins, whatever order changes arrive in. */
    public Uni<Void> consentChanged(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        String channel = p.text("channel");
        String status = p.text("status");
        if (!CHANNELS.contains(channel) || !CONSENT_STATUSES.contains(status)) {
            throw new UnreadableEventException("unreadable event: " + event.type() + " " + event.id()
                    + ": data.channel or data.status is not a value of the contract");
        }
        return contacts.resolve(tx, p.uuid("contactId")).flatMap(resolved -> resolved.erased()
                ? Uni.createFrom().voidItem()
                : contacts.upsertConsent(tx, resolved.id(), channel, status, p.instantOrEventTime("changedAt")));
    }

    /** crm.company.created.v1 and crm.company.updated.v1: only the size is needed (lookalike profile). */
    public Uni<Void> companyChanged(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        Long version = p.optionalLong("version");
        return contacts.upsertCompany(tx, p.uuid("companyId"), p.optionalText("size"),
                        version != null ? version.intValue() : 1)
                .call(() -> aggregates.requestScoring(tx));
    }
}
