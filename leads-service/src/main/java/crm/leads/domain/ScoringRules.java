package crm.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's scoring rules. Fit says how well the lead matches what the franchise system sells well
 * (region, company size, products of interest); engagement says how interested the lead shows itself
 * (conversations, form fills, and how recently, halving every {@code halfLifeDays}).
 */
public record ScoringRules(@Valid @NotNull Fit fit, @Valid @NotNull Engagement engagement) {

    public record Fit(@Size(max = 200) List<@Valid @NotNull RegionRule> regions,
                      @Size(max = 5) List<@Valid @NotNull CompanySizeRule> companySizes,
                      @Size(max = 500) List<@Valid @NotNull ProductRule> products,
                      @Min(0) @Max(100) int maxProductPoints) {

        public Fit {
            regions = regions == null ? List.of() : List.copyOf(regions);
            companySizes = companySizes == null ? List.of() : List.copyOf(companySizes);
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /** A region by postal-code prefixes; of several matching regions the one with the longest prefix counts. */
    public record RegionRule(@NotBlank @Size(max = 100) String name,
                             @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,10}",
                                     message = "must be 1 to 10 letters or digits") String> postalCodePrefixes,
                             @Min(-100) @Max(100) int points) {
    }

    public record CompanySizeRule(@NotNull CompanySize size, @Min(-100) @Max(100) int points) {
    }

    public record ProductRule(@NotBlank @Size(max = 64) String sku, @Min(-100) @Max(100) int points) {
    }

    public record Engagement(@Min(0) @Max(100) int pointsPerActivity, @Min(0) @Max(100) int maxActivityPoints,
                             @Min(0) @Max(100) int pointsPerFormFill, @Min(0) @Max(100) int maxFormFillPoints,
                             @Min(0) @Max(100) int recencyPoints, @Min(1) @Max(365) int halfLifeDays) {
    }

    /** What a tenant starts with: engagement counts, fit is neutral until HQ describes its market. */
    public static ScoringRules defaults() {
        return new ScoringRules(new Fit(List.of(), List.of(), List.of(), 30),
                new Engagement(5, 20, 10, 30, 20, 14));
    }
}
