package crm.contacts.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A field a tenant adds to its contacts (e.g. "Rahmengröße" / "frame size"): its key in a contact's
 * {@code customFields}, type, German and English label, whether every contact must have it and, for a
 * choice, the options. Definitions are tenant-wide; every unit sees the same ones.
 */
public record CustomField(String key, CustomFieldType type, String labelDe, String labelEn, boolean required,
                          List<String> options, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The canonical form of a value for this field; IllegalArgumentException saying what is allowed. */
    public Object canonical(Object raw) {
        return type.canonical(raw, options);
    }
}
