package crm.contacts.service;

import crm.contacts.domain.CustomFieldType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A changed custom field definition (PUT): labels, required flag and options. The key and type stay; a
 * type sent along must be the current one (values already stored were checked against it).
 */
public record CustomFieldChange(
        CustomFieldType type,
        @NotNull @Valid NewCustomField.Label label,
        Boolean required,
        @Size(max = 50) List<@jakarta.validation.constraints.NotBlank @Size(max = 100) String> options) {
}
