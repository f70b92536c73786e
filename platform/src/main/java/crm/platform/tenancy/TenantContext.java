package crm.platform.tenancy;

import java.util.Set;

/**
 * Who is acting and on whose data: the tenant (franchise system) and, for franchisee staff, the unit.
 * Always derived from a verified token or from a consumed event's envelope, never from request input.
 */
public record TenantContext(String tenantId, String unitId, String subject, Set<String> roles) {

    public TenantContext {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        unitId = unitId == null || unitId.isBlank() ? null : unitId;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A user without a unit works brand-wide (franchisor staff). */
    public boolean isBrandWide() {
        return unitId == null;
    }

    /** The context an event consumer acts in: the event's tenant, across all its units. */
    public static TenantContext ofSystem(String tenantId, String consumer) {
        return new TenantContext(tenantId, null, "system:" + consumer, Set.of());
    }
}
