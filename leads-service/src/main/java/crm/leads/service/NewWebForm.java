package crm.leads.service;

import crm.leads.domain.Channel;
import crm.leads.domain.FormField;
import crm.leads.domain.Territories;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What an admin may set on a web form (POST creates, PUT replaces). The key is generated; {@code unitId}
 * (the default unit) is honoured for headquarters, a franchisee admin's forms belong to their unit.
 */
public record NewWebForm(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull FormField> fields,
        UUID campaignId,
        Channel channel,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> productsOfInterest,
        @Size(max = 2000) String consentText,
        @Size(max = 50) String consentVersion,
        boolean consentRequired,
        @Min(0) @Max(3600) Integer minimumFillSeconds,
        @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,39}", message = "must be a field name of letters, digits and _")
        String honeypotField,
        Boolean enabled,
        @Pattern(regexp = Territories.KEY, message = "must be a unit id") String unitId) {

    public static final int DEFAULT_MINIMUM_FILL_SECONDS = 3;
    public static final String DEFAULT_HONEYPOT = "website";
}
