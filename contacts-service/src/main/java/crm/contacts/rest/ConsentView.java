package crm.contacts.rest;

import crm.contacts.domain.Consent;
import crm.contacts.domain.ConsentChannel;
import crm.contacts.domain.ConsentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The consent in force for one channel; version 0 means nothing was ever recorded for it. */
public record ConsentView(ConsentChannel channel, ConsentStatus status, String source, String wordingVersion,
                          OffsetDateTime changedAt, String changedBy, int version) {

    static ConsentView of(Consent c) {
        return new ConsentView(c.channel(), c.status(), c.source(), c.wordingVersion(), c.changedAt(), c.changedBy(),
                c.version());
    }

    /** All channels of one contact. */
    public record OfContact(UUID contactId, List<ConsentView> items) {

        static OfContact of(UUID contactId, List<Consent> consents) {
            return new OfContact(contactId, consents.stream().map(ConsentView::of).toList());
        }
    }
}
