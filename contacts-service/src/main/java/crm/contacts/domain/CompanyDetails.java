package crm.contacts.domain;

import java.util.UUID;

/** Everything about a company (account) that callers may set, normalised. */
public record CompanyDetails(String name, String domain, String industry, CompanySize size, PostalAddress address,
                             UUID parentCompanyId, String unitId) {
}
