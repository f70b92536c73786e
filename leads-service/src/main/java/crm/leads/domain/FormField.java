package crm.leads.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One input of a web form: which lead field it fills, its label, whether it is required and, for
 * {@code productsOfInterest}, {@code companySize} and {@code salutation}, the choices offered.
 */
public record FormField(@NotNull FormFieldName name, @NotBlank @Size(max = 200) String label, boolean required,
                        @Size(max = 50) List<@NotBlank @Size(max = 64) String> options) {

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
