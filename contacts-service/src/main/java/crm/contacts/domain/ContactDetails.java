package crm.contacts.domain;

import java.util.List;
import java.util.UUID;

/**
 * Everything about a contact that callers may set, normalised: e-mails lower-cased with one primary,
 * phones in E.164 with one primary, countries upper-case, tags normalised. A PUT replaces all of it.
 */
public record ContactDetails(Salutation salutation, String academicTitle, String firstName, String lastName,
                             List<EmailAddress> emails, List<PhoneNumber> phones, List<PostalAddress> addresses,
                             UUID companyId, LifecycleStage lifecycleStage, String ownerId, String unitId,
                             List<String> tags, String source) {

    public ContactDetails {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        tags = tags == null ? List.of() : List.copyOf(tags);
        lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
    }

    public String primaryEmail() {
        return emails.stream().filter(EmailAddress::isPrimary).map(EmailAddress::address).findFirst().orElse(null);
    }

    public String primaryPhone() {
        return phones.stream().filter(PhoneNumber::isPrimary).map(PhoneNumber::number).findFirst().orElse(null);
    }
}
