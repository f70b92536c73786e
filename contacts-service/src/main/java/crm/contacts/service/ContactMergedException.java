package crm.contacts.service;

import java.util.UUID;

/** The contact asked for was merged into another one, which lives on in its place. */
public class ContactMergedException extends RuntimeException {

    private final UUID contactId;
    private final UUID survivorId;

    public ContactMergedException(UUID contactId, UUID survivorId) {
        super("Contact " + contactId + " was merged into " + survivorId, null, false, false);
        this.contactId = contactId;
        this.survivorId = survivorId;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID survivorId() {
        return survivorId;
    }
}
