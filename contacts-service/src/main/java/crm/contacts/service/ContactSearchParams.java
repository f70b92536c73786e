package crm.contacts.service;

import java.util.List;
import java.util.Map;

/**
 * The query parameters of a contact list, search or export, as sent; ContactService checks and converts
 * them. {@code customFields} holds the {@code cf.<key>=value} parameters by key.
 */
public record ContactSearchParams(String q, List<String> stage, List<String> tag, String ownerId, String unitId,
                                  String createdFrom, String createdTo, String updatedSince, String sort,
                                  Map<String, String> customFields) {

    public ContactSearchParams {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Parameters without custom field filters (the shape before they existed). */
    public ContactSearchParams(String q, List<String> stage, List<String> tag, String ownerId, String unitId,
                               String createdFrom, String createdTo, String updatedSince, String sort) {
        this(q, stage, tag, ownerId, unitId, createdFrom, createdTo, updatedSince, sort, Map.of());
    }

    public static ContactSearchParams none() {
        return new ContactSearchParams(null, null, null, null, null, null, null, null, null, Map.of());
    }
}
