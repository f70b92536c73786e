package crm.tickets.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.platform.events.CloudEvent;
import crm.platform.events.Outbox;
import crm.platform.inbox.UnreadableEventException;
import crm.platform.tenancy.TenantContext;
import crm.tickets.domain.CustomerTier;
import crm.tickets.events.PrivacyEvents;
import crm.tickets.repository.CustomerRefRepository;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Folds contacts-service's events into the local projection and the tickets that depend on it: a known
 * contact or company verifies the tickets that name it, a merge re-points tickets to the survivor, and an
 * erasure anonymises the person's tickets and confirms with {@code crm.privacy.erasure-applied.v1}. Runs
 * inside the inbox transaction, in the event's tenant across all units.
 */
@ApplicationScoped
public class ContactProjector {

    static final String CONTACT_CREATED = "crm.contact.created.v1";
    static final String CONTACT_UPDATED = "crm.contact.updated.v1";
    static final String CONTACT_MERGED = "crm.contact.merged.v1";
    static final String CONTACT_ERASED = "crm.contact.erased.v1";
    static final String COMPANY_CREATED = "crm.company.created.v1";
    static final String COMPANY_UPDATED = "crm.company.updated.v1";
    /** What erased text is replaced with; the ticket stays countable, the person is gone. */
    static final String ERASED = "[erased]";

    private final CustomerRefRepository refs;
    private final TicketRepository tickets;
    private final Outbox outbox;

    public ContactProjector(CustomerRefRepository refs, TicketRepository tickets, Outbox outbox) {
        this.refs = refs;
        this.tickets = tickets;
        this.outbox = outbox;
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw new UnreadableEventException("event " + event.id() + " of type " + event.type() + " has no data");
        }
        return switch (event.type()) {
            case CONTACT_CREATED, CONTACT_UPDATED -> contactKnown(tx, event, data);
            case CONTACT_MERGED -> merged(tx, data);
            case CONTACT_ERASED -> erased(tx, event, data);
            case COMPANY_CREATED, COMPANY_UPDATED -> companyKnown(tx, event, data);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> contactKnown(SqlConnection tx, CloudEvent event, JsonNode data) {
        UUID contactId = uuid(data, "contactId", event.subject());
        UUID companyId = optionalUuid(data, "companyId");
        String unitId = text(data, "unitId", event.unitid());
        List<String> tags = null;
        if (data.has("tags") && data.get("tags").isArray()) {
            tags = new ArrayList<>();
            for (JsonNode tag : data.get("tags")) {
                tags.add(tag.asText());
            }
        }
        String tier = tags == null ? null : CustomerTier.fromTags(tags);
        return refs.upsertContact(tx, contactId, unitId, companyId, text(data, "email", null), tags, tier)
                .flatMap(ignored -> refs.findContact(tx, contactId))
                .flatMap(ref -> ref.isPresent() && ref.get().erased() ? Uni.createFrom().voidItem()
                        : tickets.verifyContact(tx, contactId, companyId).replaceWithVoid());
    }

    private Uni<Void> merged(SqlConnection tx, JsonNode data) {
        UUID survivorId = uuid(data, "survivorId", null);
        UUID mergedId = uuid(data, "mergedId", null);
        return refs.markMerged(tx, mergedId, survivorId)
                .flatMap(ignored -> refs.findContact(tx, survivorId))
                .flatMap(survivor -> tickets.repointContact(tx, mergedId, survivorId,
                        survivor.isPresent() && !survivor.get().erased() && survivor.get().mergedInto() == null))
                .replaceWithVoid();
    }

    private Uni<Void> erased(SqlConnection tx, CloudEvent event, JsonNode data) {
        UUID contactId = uuid(data, "contactId", event.subject());
        String requestId = text(data, "erasureRequestId", null);
        TenantContext context = TenantContext.ofSystem(event.tenantid(), PrivacyEvents.SERVICE);
        return tickets.anonymiseForContact(tx, contactId, ERASED)
                .flatMap(ignored -> refs.markErased(tx, contactId))
                .flatMap(ignored -> outbox.append(tx, PrivacyEvents.erasureApplied(context, contactId, requestId,
                        TicketService.now())));
    }

    private Uni<Void> companyKnown(SqlConnection tx, CloudEvent event, JsonNode data) {
        UUID companyId = uuid(data, "companyId", event.subject());
        return refs.upsertCompany(tx, companyId, text(data, "unitId", event.unitid()))
                .flatMap(ignored -> tickets.verifyCompany(tx, companyId)).replaceWithVoid();
    }

    private static UUID uuid(JsonNode data, String field, String fallback) {
        String value = text(data, field, fallback);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("event data lacks a UUID " + field);
        }
    }

    private static UUID optionalUuid(JsonNode data, String field) {
        String value = text(data, field, null);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("event data has no UUID in " + field);
        }
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
