package crm.contacts.events;

import crm.contacts.domain.Consent;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Consent changes, published to {@value ContactEvents#TOPIC} keyed by contact id. */
public final class ConsentEvents {

    public static final String CONSENT_CHANGED = "crm.consent.changed.v1";

    private ConsentEvents() {
    }

    public record ConsentChanged(UUID contactId, String channel, String status, String previousStatus, String source,
                                 String wordingVersion, OffsetDateTime changedAt) {
    }

    public static OutgoingEvent changed(TenantContext context, String unitId, Consent before, Consent after) {
        return OutgoingEvent.of(ContactEvents.TOPIC, CONSENT_CHANGED, after.contactId().toString(), context, unitId,
                new ConsentChanged(after.contactId(), after.channel().value(), after.status().value(),
                        before.status().value(), after.source(), after.wordingVersion(), after.changedAt()));
    }
}
