package crm.console.service;

import io.quarkus.qute.TemplateData;
import java.util.Set;

/**
 * The signed-in user as pages need it. Whether an action is offered follows the API's rules
 * (docs/api.md): every staff role reads, agent, manager and admin write business records, admin changes
 * configuration and runs privacy requests, unit-wide views need manager or admin. The API decides again;
 * the console only avoids offering what would be refused.
 */
@TemplateData
public record UserView(String name, String username, String subject, String tenant, String unit, Set<String> roles) {

    static final Set<String> CRM_ROLES = Set.of("admin", "manager", "agent", "integration");

    /** Headquarters: no unit, sees every unit of the tenant. */
    public boolean hq() {
        return unit == null;
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    public boolean manager() {
        return roles.contains("manager") || admin();
    }

    public boolean canWrite() {
        return roles.contains("agent") || roles.contains("manager") || roles.contains("admin");
    }

    public String roleList() {
        return String.join(", ", roles);
    }
}
