package crm.leads.service;

import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The privacy export of one person, in the caller's tenant (and unit, for a franchisee admin). */
@ApplicationScoped
public class PrivacyService {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final PersonalData personalData;

    public PrivacyService(TenantScope scope, CurrentTenant currentTenant, PersonalData personalData) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.personalData = personalData;
    }

    public Uni<PersonalData.Holdings> export(UUID contactId) {
        return scope.inTransaction(currentTenant.get(), tx -> personalData.export(tx, contactId));
    }
}
