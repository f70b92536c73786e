package crm.contacts.service;

import crm.contacts.domain.CompanySize;
import crm.contacts.domain.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What a caller may set on a company (POST, PUT, and PATCH merged onto the current state). Tenant, id,
 * version and timestamps are not here: a body that carries them changes nothing.
 */
public record NewCompany(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 253) @Pattern(regexp = "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                message = "must be a domain name such as example.com") String domain,
        @Size(max = 100) String industry,
        CompanySize size,
        @Valid PostalAddress address,
        UUID parentCompanyId,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId) {
}
