package crm.leads.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A tenant's open pipeline stages in order, as an admin sends them; won and lost are implied. */
public record StageSettings(@NotNull @Size(min = 1, max = 20) @Valid List<@NotNull Stage> stages) {

    /** One open stage: a stable key (what opportunities store), a display name and the win probability in percent. */
    public record Stage(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,39}",
                    message = "must be 1-40 lower-case letters, digits, '_' or '-', starting with a letter") String key,
            @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
            @NotBlank @Size(max = 100) String name,
            @NotNull @Min(0) @Max(100) Integer probability) {
    }
}
