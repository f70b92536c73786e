package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.domain.ContactKeys;
import crm.leads.repository.ContactRefRepository;
import crm.leads.repository.LeadRepository;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Applies contacts-service's events inside the inbox transaction: keeps the contact projection that
 * recognition reads, follows merges, stores the contact id a converted lead got, and erases a person.
 * Types this service does not need are skipped.
 */
@ApplicationScoped
public class ContactEventsProjector {

    static final String CONTACT_CREATED = "crm.contact.created.v1";
    static final String CONTACT_UPDATED = "crm.contact.updated.v1";
    static final String CONTACT_MERGED = "crm.contact.merged.v1";
    static final String CONTACT_ERASED = "crm.contact.erased.v1";
    static final String LEAD_LINKED = "crm.contact.lead-linked.v1";

    private final ContactRefRepository contacts;
    private final LeadRepository leads;
    private final LeadConversion conversion;
    private final PersonalData personalData;

    public ContactEventsProjector(ContactRefRepository contacts, LeadRepository leads, LeadConversion conversion,
                                  PersonalData personalData) {
        this.contacts = contacts;
        this.leads = leads;
        this.conversion = conversion;
        this.personalData = personalData;
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            return Uni.createFrom().failure(new UnreadableEventException(event.type() + " without data"));
        }
        return switch (event.type()) {
            case CONTACT_CREATED, CONTACT_UPDATED -> contacts.upsert(tx, contactRef(data));
            case CONTACT_MERGED -> {
                UUID merged = uuid(data, "mergedId");
                UUID survivor = uuid(data, "survivorId");
                yield contacts.markMerged(tx, merged, survivor)
                        .flatMap(ignored -> leads.repointContact(tx, merged, survivor)).replaceWithVoid();
            }
            case CONTACT_ERASED -> personalData.erase(tx, event.tenantid(), uuid(data, "contactId"),
                    optionalUuid(data, "erasureRequestId"));
            case LEAD_LINKED -> linkLead(tx, uuid(data, "leadId"), uuid(data, "contactId"));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The converted lead learns its contact; its opportunities follow. A lead erased meanwhile stays unlinked. */
    private Uni<Void> linkLead(SqlConnection tx, UUID leadId, UUID contactId) {
        return leads.lock(tx, leadId).flatMap(found -> {
            if (found.isEmpty() || contactId.equals(found.get().contactId())) {
                return conversion.linkOpportunities(tx, leadId, contactId);
            }
            return leads.update(tx, Leads.withContact(found.get(), contactId, found.get().upsell()))
                    .flatMap(ignored -> conversion.linkOpportunities(tx, leadId, contactId));
        });
    }

    private static ContactRefRepository.ContactRef contactRef(JsonNode data) {
        String country = text(data, "countryCode");
        return new ContactRefRepository.ContactRef(uuid(data, "contactId"), text(data, "unitId"),
                text(data, "firstName"), text(data, "lastName"), ContactKeys.email(text(data, "email")),
                ContactKeys.phone(text(data, "phone"), country), null, false);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        UUID value = optionalUuid(data, field);
        if (value == null) {
            throw new UnreadableEventException("event data lacks " + field);
        }
        return value;
    }

    private static UUID optionalUuid(JsonNode data, String field) {
        String text = text(data, field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(field + " is not a UUID");
        }
    }
}
