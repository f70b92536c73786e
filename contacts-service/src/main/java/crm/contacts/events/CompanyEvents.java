package crm.contacts.events;

import crm.contacts.domain.Company;
import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The company (account) events contacts-service publishes to {@value ContactEvents#TOPIC}, keyed by company id. */
public final class CompanyEvents {

    public static final String COMPANY_CREATED = "crm.company.created.v1";
    public static final String COMPANY_UPDATED = "crm.company.updated.v1";

    private CompanyEvents() {
    }

    public record CompanyCreated(UUID companyId, String unitId, String name, String domain, String industry,
                                 String size, UUID parentCompanyId, OffsetDateTime createdAt) {
    }

    public record CompanyUpdated(UUID companyId, int version, List<String> changedFields, String unitId, String name,
                                 String domain, String industry, String size, UUID parentCompanyId,
                                 OffsetDateTime updatedAt) {
    }

    public static OutgoingEvent created(TenantContext context, Company c) {
        var d = c.details();
        return OutgoingEvent.of(ContactEvents.TOPIC, COMPANY_CREATED, c.id().toString(), context, c.unitId(),
                new CompanyCreated(c.id(), c.unitId(), d.name(), d.domain(), d.industry(),
                        d.size() == null ? null : d.size().value(), d.parentCompanyId(), c.createdAt()));
    }

    public static OutgoingEvent updated(TenantContext context, Company c, List<String> changed) {
        var d = c.details();
        return OutgoingEvent.of(ContactEvents.TOPIC, COMPANY_UPDATED, c.id().toString(), context, c.unitId(),
                new CompanyUpdated(c.id(), c.version(), changed, c.unitId(), d.name(), d.domain(), d.industry(),
                        d.size() == null ? null : d.size().value(), d.parentCompanyId(), c.updatedAt()));
    }
}
