package crm.contacts.service;

import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PhoneNumberNormaliser;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Tags;
import crm.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;


/** Turns a validated {@link NewContact} into normalised {@link ContactDetails}, and back for merge patches. */
final class ContactDetailsMapper {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String DEFAULT_COUNTRY = "DE";

    private ContactDetailsMapper() {
    }

    /**
     * The normalised details of a request; {@code customFields} are the request's values already checked
     * against the tenant's definitions (CustomFieldRules), because only those know their types.
     */
    static ContactDetails toDetails(NewContact r, String unitId, Map<String, Object> customFields) {
        List<PostalAddress> addresses = addresses(r.addresses());
        String country = addresses.isEmpty() ? DEFAULT_COUNTRY : addresses.get(0).country();
        return new ContactDetails(r.salutation(), blankToNull(r.academicTitle()), r.firstName().strip(),
                r.lastName().strip(), emails(r.emails(), r.email()), phones(r.phones(), r.phone(), country),
                addresses, r.companyId(), r.lifecycleStage(), blankToNull(r.ownerId()), unitId, tags(r.tags()),
                blankToNull(r.source()), customFields, blankToNull(r.externalId()));
    }

    /** The current state as a request body: the base a merge patch is applied to. */
    static NewContact toRequest(ContactDetails d) {
        return new NewContact(d.salutation(), d.academicTitle(), d.firstName(), d.lastName(), null, null, d.emails(),
                d.phones(), d.addresses(), d.companyId(), d.lifecycleStage(), d.ownerId(), d.unitId(), d.tags(),
                d.source(), new TreeMap<>(d.customFields()), d.externalId());
    }

    static List<EmailAddress> emails(List<EmailAddress> listed, String shorthand) {
        List<EmailAddress> result = new ArrayList<>();
        String primary = shorthand == null || shorthand.isBlank() ? null : normaliseEmail(shorthand);
        long flagged = listed == null ? 0 : listed.stream().filter(EmailAddress::isPrimary).count();
        if (primary == null && flagged > 1) {
            throw ProblemException.badRequest("emails", "only one e-mail address may be primary");
        }
        if (listed != null) {
            for (EmailAddress e : listed) {
                String address = normaliseEmail(e.address());
                if (result.stream().noneMatch(x -> x.address().equals(address))) {
                    result.add(new EmailAddress(e.type() == null ? EmailAddress.Type.OTHER : e.type(), address,
                            primary == null ? e.isPrimary() : address.equals(primary)));
                }
            }
        }
        if (primary != null && result.stream().noneMatch(EmailAddress::isPrimary)) {
            result.add(0, new EmailAddress(EmailAddress.Type.OTHER, primary, true));
        }
        if (!result.isEmpty() && result.stream().noneMatch(EmailAddress::isPrimary)) {
            EmailAddress first = result.get(0);
            result.set(0, new EmailAddress(first.type(), first.address(), true));
        }
        return result;
    }

    static List<PhoneNumber> phones(List<PhoneNumber> listed, String shorthand, String country) {
        List<PhoneNumber> result = new ArrayList<>();
        String primary = shorthand == null || shorthand.isBlank() ? null : phone("phone", shorthand, country);
        long flagged = listed == null ? 0 : listed.stream().filter(PhoneNumber::isPrimary).count();
        if (primary == null && flagged > 1) {
            throw ProblemException.badRequest("phones", "only one phone number may be primary");
        }
        if (listed != null) {
            for (int i = 0; i < listed.size(); i++) {
                PhoneNumber p = listed.get(i);
                String number = phone("phones[" + i + "].number", p.number(), country);
                if (result.stream().noneMatch(x -> x.number().equals(number))) {
                    result.add(new PhoneNumber(p.type() == null ? PhoneNumber.Type.OTHER : p.type(), number,
                            primary == null ? p.isPrimary() : number.equals(primary)));
                }
            }
        }
        if (primary != null && result.stream().noneMatch(PhoneNumber::isPrimary)) {
            result.add(0, new PhoneNumber(PhoneNumber.Type.OTHER, primary, true));
        }
        if (!result.isEmpty() && result.stream().noneMatch(PhoneNumber::isPrimary)) {
            PhoneNumber first = result.get(0);
            result.set(0, new PhoneNumber(first.type(), first.number(), true));
        }
        return result;
    }

    static List<PostalAddress> addresses(List<PostalAddress> listed) {
        List<PostalAddress> result = new ArrayList<>();
        if (listed == null) {
            return result;
        }
        for (int i = 0; i < listed.size(); i++) {
            result.add(address("addresses[" + i + "]", listed.get(i)));
        }
        return result;
    }

    static PostalAddress address(String field, PostalAddress a) {
        if (a == null) {
            return null;
        }
        String country = a.country() == null ? "" : a.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ProblemException.badRequest(field + ".country", "must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return new PostalAddress(blankToNull(a.street()), blankToNull(a.postalCode()), blankToNull(a.city()), country);
    }

    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            try {
                normalised.add(Tags.normalise(tags.get(i)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("tags[" + i + "]", e.getMessage());
            }
        }
        try {
            return Tags.normalise(normalised);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("tags", e.getMessage());
        }
    }

    private static String phone(String field, String typed, String country) {
        try {
            return PhoneNumberNormaliser.normalise(typed, country);
        } catch (PhoneNumberNormaliser.InvalidPhoneNumber e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
