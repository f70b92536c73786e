package crm.contacts.service;

import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Tags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the details of merged contacts combine with the survivor's: the survivor's values win, and what it
 * lacks is filled from the merged contacts in the order given. Lists are united (the survivor's entries
 * first, none twice) within the limits a contact has; the survivor's primary e-mail and phone stay
 * primary. Unit and lifecycle stage are the survivor's.
 */
final class ContactMerger {

    static final int MAX_EMAILS = 10;
    static final int MAX_PHONES = 10;
    static final int MAX_ADDRESSES = 5;

    private ContactMerger() {
    }

    static ContactDetails merge(ContactDetails survivor, List<ContactDetails> merged) {
        ContactDetails d = survivor;
        for (ContactDetails other : merged) {
            d = mergeOne(d, other);
        }
        return d;
    }

    private static ContactDetails mergeOne(ContactDetails s, ContactDetails m) {
        Map<String, Object> customFields = new TreeMap<>(m.customFields());
        customFields.putAll(s.customFields());
        return new ContactDetails(
                s.salutation() != null ? s.salutation() : m.salutation(),
                s.academicTitle() != null ? s.academicTitle() : m.academicTitle(),
                s.firstName(), s.lastName(),
                primaryFirst(unite(s.emails(), m.emails(), EmailAddress::address, MAX_EMAILS), EmailAddress::isPrimary,
                        e -> new EmailAddress(e.type(), e.address(), false),
                        e -> new EmailAddress(e.type(), e.address(), true)),
                primaryFirst(unite(s.phones(), m.phones(), PhoneNumber::number, MAX_PHONES), PhoneNumber::isPrimary,
                        p -> new PhoneNumber(p.type(), p.number(), false),
                        p -> new PhoneNumber(p.type(), p.number(), true)),
                unite(s.addresses(), m.addresses(), a -> a, MAX_ADDRESSES),
                s.companyId() != null ? s.companyId() : m.companyId(),
                s.lifecycleStage(),
                s.ownerId() != null ? s.ownerId() : m.ownerId(),
                s.unitId(),
                tags(s.tags(), m.tags()),
                s.source() != null ? s.source() : m.source(),
                customFields,
                s.externalId() != null ? s.externalId() : m.externalId());
    }

    /** The survivor's items, then the merged contact's that are not there yet (by key), up to {@code max}. */
    private static <T> List<T> unite(List<T> survivor, List<T> merged, Function<T, ?> key, int max) {
        List<T> result = new ArrayList<>(survivor);
        List<Object> keys = new ArrayList<>(survivor.stream().map(key).toList());
        for (T item : merged) {
            if (result.size() >= max) {
                break;
            }
            if (!keys.contains(key.apply(item))) {
                result.add(item);
                keys.add(key.apply(item));
            }
        }
        return result;
    }

    /** Exactly one primary entry: the first one flagged (the survivor's if it has one), else the first entry. */
    private static <T> List<T> primaryFirst(List<T> items, java.util.function.Predicate<T> isPrimary,
                                            Function<T, T> demote, Function<T, T> promote) {
        List<T> result = new ArrayList<>();
        boolean seen = false;
        for (T item : items) {
            if (isPrimary.test(item) && !seen) {
                seen = true;
                result.add(item);
            } else {
                result.add(isPrimary.test(item) ? demote.apply(item) : item);
            }
        }
        if (!seen && !result.isEmpty()) {
            result.set(0, promote.apply(result.get(0)));
        }
        return result;
    }

    private static List<String> tags(List<String> survivor, List<String> merged) {
        LinkedHashSet<String> all = new LinkedHashSet<>(survivor);
        for (String tag : merged) {
            if (all.size() >= Tags.MAX_TAGS) {
                break;
            }
            all.add(tag);
        }
        return new ArrayList<>(all);
    }
}
