package crm.leads.service;

import crm.leads.domain.CompanySize;
import crm.leads.domain.Salutation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The fields of a lead a PATCH may change (as a JSON merge patch onto this shape). Channel and consent
 * describe the capture and stay; status, owner and unit change through the workflow operations.
 */
public record LeadUpdate(
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
        UUID campaignId,
        @Size(max = 500) String sourceDetails,
        @Size(max = 5000) String message,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> productsOfInterest) {
}
