package crm.contacts.domain;

/**
 * Why one row of an import failed: its number in the file (the header is row 1), the column and the
 * reason. Reasons say what is allowed and never repeat the value, so the report holds no personal data.
 */
public record ImportRowError(long row, String field, String reason) {
}
