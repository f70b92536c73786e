package crm.contacts.service;

import crm.contacts.domain.DuplicateCandidate;
import java.util.List;

/** A new contact probably duplicates existing ones; the API answers 409 listing them. */
public class LikelyDuplicateException extends RuntimeException {

    private final transient List<DuplicateCandidate> candidates;

    public LikelyDuplicateException(List<DuplicateCandidate> candidates) {
        super("A contact like this exists already", null, false, false);
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
