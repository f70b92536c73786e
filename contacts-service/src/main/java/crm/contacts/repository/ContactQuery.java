package crm.contacts.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A search over contacts: an optional search term (already checked; phone-like terms are digits of
 * E.164) and filters, all combined with AND, in one {@link ContactSort}. {@code customFields} holds
 * canonical values (see CustomFieldType) a contact's custom fields must equal. Merged contacts
 * (tombstones) never match.
 */
public record ContactQuery(String term, List<String> stages, List<String> tags, String ownerId, String unitId,
                           UUID companyId, OffsetDateTime createdFrom, OffsetDateTime createdTo,
                           OffsetDateTime updatedSince, Map<String, Object> customFields, ContactSort sort) {

    public ContactQuery {
        stages = stages == null ? List.of() : List.copyOf(stages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public static ContactQuery byCompany(UUID companyId) {
        return new ContactQuery(null, null, null, null, null, companyId, null, null, null, null, ContactSort.DEFAULT);
    }
}
