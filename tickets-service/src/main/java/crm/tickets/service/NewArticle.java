package crm.tickets.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A knowledge-base article as HQ staff write it (POST and PUT). */
public record NewArticle(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100_000) String body,
        @Size(max = 50) String category,
        @Size(max = 20) List<@NotNull @Size(max = 50) String> tags) {
}
