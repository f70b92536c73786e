package crm.analytics.service;

import crm.analytics.repository.ContactStatsRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactStatsService {

    /** The count and the scope it was taken in: the tenant, and the unit for franchisee staff. */
    public record ContactCount(String tenantId, String unitId, long contacts) {
    }

    private final TenantScope scope;
    private final ContactStatsRepository stats;
    private final CurrentTenant currentTenant;

    public ContactStatsService(TenantScope scope, ContactStatsRepository stats, CurrentTenant currentTenant) {
        this.scope = scope;
        this.stats = stats;
        this.currentTenant = currentTenant;
    }

    public Uni<ContactCount> countContacts() {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, stats::visibleContacts)
                .map(count -> new ContactCount(context.tenantId(), context.unitId(), count));
    }
}
