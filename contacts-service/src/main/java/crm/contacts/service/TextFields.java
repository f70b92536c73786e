package crm.contacts.service;

/** Free text as stored: trimmed, and blank means absent. */
final class TextFields {

    private TextFields() {
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
