package crm.tickets.service;

import crm.platform.problem.ProblemException;
import crm.platform.tenancy.TenantContext;

/** Which unit a record may be placed in, and who may change brand-wide configuration. */
final class Units {

    private Units() {
    }

    /** Franchisee staff work in their own unit only; HQ staff may place a ticket in any unit or none. */
    static String unitFor(TenantContext context, String requestedUnit) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can place records only in your own unit " + context.unitId());
    }

    /** Queues, rules, policies, calendars and articles serve every unit, so only HQ staff change them. */
    static void requireBrandWide(TenantContext context, String what) {
        if (!context.isBrandWide()) {
            throw ProblemException.forbidden(what + " are brand-wide; only headquarters staff change them");
        }
    }

    /** Whether a record of {@code unitId} is visible to the caller (HQ sees all units). */
    static boolean visible(TenantContext context, String unitId) {
        return context.isBrandWide() || context.unitId().equals(unitId);
    }
}
