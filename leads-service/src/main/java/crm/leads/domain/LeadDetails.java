package crm.leads.domain;

import java.util.List;
import java.util.UUID;

/**
 * The person, company and interest data of a lead, normalised (e-mail lower case, country upper case,
 * products of interest without repeats). Everything here may be set by callers; the rest of a lead is
 * the service's own bookkeeping.
 */
public record LeadDetails(Salutation salutation, String firstName, String lastName, String email, String phone,
                          String companyName, String companyDomain, CompanySize companySize, String postalCode,
                          String city, String countryCode, List<String> productsOfInterest, UUID campaignId,
                          String sourceDetails, String message) {

    public LeadDetails {
        productsOfInterest = productsOfInterest == null ? List.of() : List.copyOf(productsOfInterest);
    }

    public String emailKey() {
        return ContactKeys.email(email);
    }

    public String phoneKey() {
        return ContactKeys.phone(phone, countryCode);
    }
}
