package crm.contacts.repository;

import crm.platform.problem.ProblemException;

/**
 * The orders a contact list can have. Each is a keyset order on (key, id), so every sort pages stably;
 * the API name (with {@code -} for descending) is what cursors record.
 */
public record ContactSort(Key key, boolean descending) {

    public enum Key {
        NAME("name", "c.sort_name", "text"),
        CREATED_AT("createdAt", "c.created_at", "timestamptz"),
        UPDATED_AT("updatedAt", "c.updated_at", "timestamptz"),
        /** Best match first; only with a search term. */
        RELEVANCE("relevance", "r.score", "real");

        final String apiName;
        final String column;
        final String sqlType;

        Key(String apiName, String column, String sqlType) {
            this.apiName = apiName;
            this.column = column;
            this.sqlType = sqlType;
        }
    }

    /** Oldest change first: what delta sync with updatedSince needs. */
    public static final ContactSort DEFAULT = new ContactSort(Key.UPDATED_AT, false);
    public static final ContactSort RELEVANCE = new ContactSort(Key.RELEVANCE, true);

    /** {@code name}, {@code -createdAt}, ...; {@code null} gives the default for a search with or without a term. */
    public static ContactSort parse(String value, boolean searching) {
        if (value == null || value.isBlank()) {
            return searching ? RELEVANCE : DEFAULT;
        }
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (Key key : Key.values()) {
            if (key.apiName.equals(name) && key != Key.RELEVANCE) {
                return new ContactSort(key, descending);
            }
        }
        if (Key.RELEVANCE.apiName.equals(name) && searching && !descending) {
            return RELEVANCE;
        }
        throw ProblemException.badRequest("sort", "must be name, createdAt or updatedAt, optionally with a leading -"
                + " for descending order, or relevance together with q");
    }

    public String apiName() {
        return key == Key.RELEVANCE ? key.apiName : (descending ? "-" : "") + key.apiName;
    }
}
