package crm.contacts.rest;

import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import crm.contacts.service.NewCustomField;
import java.time.OffsetDateTime;
import java.util.List;

/** A custom field definition as the API shows it. */
public record CustomFieldView(String key, CustomFieldType type, NewCustomField.Label label, boolean required,
                              List<String> options, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static CustomFieldView of(CustomField f) {
        return new CustomFieldView(f.key(), f.type(), new NewCustomField.Label(f.labelDe(), f.labelEn()), f.required(),
                f.options(), f.version(), f.createdAt(), f.updatedAt());
    }
}
