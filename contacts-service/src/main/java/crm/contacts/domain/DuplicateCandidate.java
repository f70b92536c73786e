package crm.contacts.domain;

import java.util.List;
import java.util.UUID;

/**
 * An existing contact that a new one probably duplicates, and on what it matched: {@code email},
 * {@code phone}, {@code namePostalCode} (same first and last name and postal code) or {@code externalId}.
 */
public record DuplicateCandidate(UUID id, String firstName, String lastName, List<String> matchedOn) {

    public DuplicateCandidate {
        matchedOn = List.copyOf(matchedOn);
    }
}
