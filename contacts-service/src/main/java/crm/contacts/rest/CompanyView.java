package crm.contacts.rest;

import crm.contacts.domain.Company;
import crm.contacts.domain.CompanySize;
import crm.contacts.domain.PostalAddress;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A company (account) as the API shows it. */
public record CompanyView(UUID id, String unitId, String name, String domain, String industry, CompanySize size,
                          PostalAddress address, UUID parentCompanyId, int version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {

    static CompanyView of(Company c) {
        var d = c.details();
        return new CompanyView(c.id(), d.unitId(), d.name(), d.domain(), d.industry(), d.size(), d.address(),
                d.parentCompanyId(), c.version(), c.createdAt(), c.updatedAt());
    }
}
