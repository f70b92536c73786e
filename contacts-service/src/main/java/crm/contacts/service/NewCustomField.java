package crm.contacts.service;

import crm.contacts.domain.CustomFieldType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A custom field definition as an admin creates it. The key is how values are addressed
 * ({@code customFields.<key>}, {@code cf.<key>=} in searches, a {@code cf.<key>} column in CSV files);
 * only a choice has options.
 */
public record NewCustomField(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}",
                message = "must be 1 to 40 lower-case letters, digits or _, starting with a letter") String key,
        @NotNull CustomFieldType type,
        @NotNull @Valid Label label,
        Boolean required,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> options) {

    /** The field's name as people read it, in German and English. */
    public record Label(@NotBlank @Size(max = 100) String de, @NotBlank @Size(max = 100) String en) {
    }
}
