package crm.leads.service;

import crm.leads.domain.Consent;
import crm.leads.domain.ContactKeys;
import crm.leads.domain.LeadDetails;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns validated lead requests into normalised {@link LeadDetails}, and back for merge patches. */
final class LeadRequests {

    static final String DOMAIN = "([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}";
    static final String POSTAL_CODE = "[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private LeadRequests() {
    }

    static LeadDetails toDetails(NewLead r) {
        return toDetails(new LeadUpdate(r.salutation(), r.firstName(), r.lastName(), r.email(), r.phone(),
                r.companyName(), r.companyDomain(), r.companySize(), r.postalCode(), r.city(), r.countryCode(),
                r.campaignId(), r.sourceDetails(), r.message(), r.productsOfInterest()));
    }

    static LeadDetails toDetails(LeadUpdate r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String country = blankToNull(r.countryCode());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(new Problem.FieldError("countryCode", "must be an ISO 3166-1 alpha-2 code such as DE"));
            }
        }
        String phone = blankToNull(r.phone());
        if (phone != null && (!phone.matches("\\+?[0-9 ()./-]+") || ContactKeys.phone(phone, country) == null)) {
            errors.add(new Problem.FieldError("phone", "must be a phone number such as +49 40 123456 or 040 123456"));
        }
        LeadDetails details = new LeadDetails(r.salutation(), blankToNull(r.firstName()), blankToNull(r.lastName()),
                ContactKeys.email(r.email()), phone, blankToNull(r.companyName()),
                r.companyDomain() == null ? null : blankToNull(r.companyDomain().toLowerCase(Locale.ROOT)),
                r.companySize(), r.postalCode() == null ? null : blankToNull(r.postalCode().toUpperCase(Locale.ROOT)),
                blankToNull(r.city()), country, products(r.productsOfInterest()), r.campaignId(),
                blankToNull(r.sourceDetails()), blankToNull(r.message()));
        if (details.lastName() == null && details.companyName() == null) {
            errors.add(new Problem.FieldError("lastName", "a lead needs a last name or a company name"));
        }
        if (details.email() == null && details.phone() == null) {
            errors.add(new Problem.FieldError("email", "a lead needs an e-mail address or a phone number"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return details;
    }

    /** The current state as a request body: the base a merge patch is applied to. */
    static LeadUpdate toUpdate(LeadDetails d) {
        return new LeadUpdate(d.salutation(), d.firstName(), d.lastName(), d.email(), d.phone(), d.companyName(),
                d.companyDomain(), d.companySize(), d.postalCode(), d.city(), d.countryCode(), d.campaignId(),
                d.sourceDetails(), d.message(), d.productsOfInterest());
    }

    static Consent consent(NewLead.NewConsent c, String defaultSource, OffsetDateTime at) {
        if (c == null) {
            return null;
        }
        return new Consent(c.given(), blankToNull(c.wording()), blankToNull(c.wordingVersion()),
                c.source() == null || c.source().isBlank() ? defaultSource : c.source().strip(), at);
    }

    /** SKUs as sent, trimmed, without repeats, in the order given. */
    static List<String> products(List<String> skus) {
        if (skus == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String sku : skus) {
            if (sku != null && !sku.isBlank()) {
                unique.add(sku.strip());
            }
        }
        return List.copyOf(unique);
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
        return new ProblemException(400, "Bad Request", detail, errors);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
