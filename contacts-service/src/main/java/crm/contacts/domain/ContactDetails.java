package crm.contacts.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything about a contact that callers may set, normalised: e-mails lower-cased with one primary,
 * phones in E.164 with one primary, countries upper-case, tags normalised, custom field values in their
 * canonical form (text, choice and date as strings, numbers as plain decimals; see CustomFieldType). A
 * PUT replaces all of it. {@code externalId} is the contact's id in a sending system (shop, ERP), unique
 * per tenant; imports upsert by it.
 */
public record ContactDetails(Salutation salutation, String academicTitle, String firstName, String lastName,
                             List<EmailAddress> emails, List<PhoneNumber> phones, List<PostalAddress> addresses,
                             UUID companyId, LifecycleStage lifecycleStage, String ownerId, String unitId,
                             List<String> tags, String source, Map<String, Object> customFields,
                             String externalId) {

    public ContactDetails {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        tags = tags == null ? List.of() : List.copyOf(tags);
        lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
        // Sorted, so that two equal sets of values compare equal and serialise alike.
        customFields = customFields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(customFields));
    }

    /** The details without custom fields and external id (the shape before both existed). */
    public ContactDetails(Salutation salutation, String academicTitle, String firstName, String lastName,
                          List<EmailAddress> emails, List<PhoneNumber> phones, List<PostalAddress> addresses,
                          UUID companyId, LifecycleStage lifecycleStage, String ownerId, String unitId,
                          List<String> tags, String source) {
        this(salutation, academicTitle, firstName, lastName, emails, phones, addresses, companyId, lifecycleStage,
                ownerId, unitId, tags, source, Map.of(), null);
    }

    /** These details with other custom field values. */
    public ContactDetails withCustomFields(Map<String, Object> values) {
        return new ContactDetails(salutation, academicTitle, firstName, lastName, emails, phones, addresses, companyId,
                lifecycleStage, ownerId, unitId, tags, source, values, externalId);
    }

    public String primaryEmail() {
        return emails.stream().filter(EmailAddress::isPrimary).map(EmailAddress::address).findFirst().orElse(null);
    }

    public String primaryPhone() {
        return phones.stream().filter(PhoneNumber::isPrimary).map(PhoneNumber::number).findFirst().orElse(null);
    }

    /** The first postal address, which events and the CSV export name as the contact's address. */
    public PostalAddress firstAddress() {
        return addresses.isEmpty() ? null : addresses.get(0);
    }
}
