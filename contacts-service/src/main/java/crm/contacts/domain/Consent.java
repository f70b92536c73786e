package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a contact currently says about being reached on one channel, and where and when they said it. */
public record Consent(UUID contactId, ConsentChannel channel, ConsentStatus status, String source,
                      String wordingVersion, OffsetDateTime changedAt, String changedBy, int version) {

    /** The state of a channel nobody has recorded anything for. */
    public static Consent unknown(UUID contactId, ConsentChannel channel) {
        return new Consent(contactId, channel, ConsentStatus.UNKNOWN, null, null, null, null, 0);
    }
}
