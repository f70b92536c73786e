package crm.devstack;

import java.util.List;
import java.util.UUID;

/**
 * A fresh franchise system in the real Keycloak, so each test owns its data: a random tenant id, units
 * named after it, and real users whose tokens carry that tenant.
 */
public final class TestTenant {

    private static final String PASSWORD = "test-password";

    private final KeycloakAdmin keycloak;
    private final String id;

    private TestTenant(KeycloakAdmin keycloak, String id) {
        this.keycloak = keycloak;
        this.id = id;
    }

    public static TestTenant create(DevStack stack) {
        return new TestTenant(stack.keycloakAdmin(), "t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String id() {
        return id;
    }

    /** A unit (franchisee location) of this tenant. */
    public String unit(String name) {
        return id + "-" + name;
    }

    /** A token of a brand-wide (HQ) user with these roles. */
    public String hqToken(String... roles) {
        return token(null, roles);
    }

    /** A token of a franchisee user of {@code unit(unitName)} with these roles. */
    public String unitToken(String unitName, String... roles) {
        return token(unit(unitName), roles);
    }

    private String token(String unit, String... roles) {
        String username = id + "-" + (unit == null ? "hq" : unit.substring(id.length() + 1)) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        keycloak.createUser(username, PASSWORD, id, unit, List.of(roles));
        return keycloak.token(username, PASSWORD);
    }
}
