package crm.analytics.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller may set when creating a segment: a name and the criteria. Tenant, owning unit, id,
 * version and timestamps are not here on purpose; the unit comes from the caller's token.
 */
public record NewSegment(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 7) List<@NotNull String> rfmSegments,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> boughtSkus,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> notBoughtSkus,
        @Size(max = 3) List<@NotNull String> lifecycleStages,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String> unitIds) {
}
