package crm.leads.service;

import crm.leads.domain.Channel;
import crm.leads.domain.CompanySize;
import crm.leads.domain.Salutation;
import crm.leads.domain.Territories;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What a caller may send to capture a lead. Status, owner, score, contact link, SLA and every id are the
 * service's to decide and are not here; {@code unitId} is honoured for headquarters users only (a
 * franchisee's lead is always their own unit's). A lead needs a name (person or company) and a way to
 * reach it (e-mail or phone).
 */
public record NewLead(
        Salutation salutation,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 200) String companyName,
        @Size(max = 253) @Pattern(regexp = LeadRequests.DOMAIN, message = "must be a domain such as example.com")
        String companyDomain,
        CompanySize companySize,
        @Pattern(regexp = LeadRequests.POSTAL_CODE, message = "must be 2 to 10 letters, digits, spaces or -")
        String postalCode,
        @Size(max = 100) String city,
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String countryCode,
        @NotNull Channel channel,
        UUID campaignId,
        @Size(max = 500) String sourceDetails,
        @Size(max = 5000) String message,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> productsOfInterest,
        @Valid NewConsent consent,
        @Pattern(regexp = Territories.KEY, message = "must be a unit id") String unitId) {

    /** The consent the person gave where the lead was captured, with the wording they saw. */
    public record NewConsent(boolean given, @Size(max = 2000) String wording, @Size(max = 50) String wordingVersion,
                             @Size(max = 100) String source) {
    }
}
