package crm.contacts.events;

import crm.contacts.domain.Interaction;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Logged interactions, published to {@value ContactEvents#TOPIC} keyed by the contact (or company) id. */
public final class InteractionEvents {

    public static final String INTERACTION_LOGGED = "crm.interaction.logged.v1";

    private InteractionEvents() {
    }

    /** That and how someone was in touch; the summary text stays in this service. */
    public record InteractionLogged(UUID interactionId, UUID contactId, UUID companyId, String kind, String direction,
                                    OffsetDateTime occurredAt, String authorId, String outcome) {
    }

    public static OutgoingEvent logged(TenantContext context, Interaction i) {
        UUID subject = i.contactId() != null ? i.contactId() : i.companyId();
        return OutgoingEvent.of(ContactEvents.TOPIC, INTERACTION_LOGGED, subject.toString(), context, i.unitId(),
                new InteractionLogged(i.id(), i.contactId(), i.companyId(), i.kind().value(),
                        i.direction() == null ? null : i.direction().value(), i.occurredAt(), i.authorId(),
                        i.outcome()));
    }
}
