package crm.contacts.service;

import java.util.List;

/** The query parameters of a contact list or search, as sent; ContactService checks and converts them. */
public record ContactSearchParams(String q, List<String> stage, List<String> tag, String ownerId, String unitId,
                                  String createdFrom, String createdTo, String updatedSince, String sort) {

    public static ContactSearchParams none() {
        return new ContactSearchParams(null, null, null, null, null, null, null, null, null);
    }
}
