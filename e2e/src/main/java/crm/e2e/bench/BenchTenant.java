package crm.e2e.bench;

import crm.devstack.KeycloakAdmin;
import java.util.List;
import java.util.UUID;

/**
 * A franchise system of its own for a benchmark, so its figures are not mixed with anyone's data: a fresh
 * tenant id and a brand-wide (HQ) user with every staff role in the real Keycloak. Tokens live 15 minutes;
 * {@link #token()} fetches a new one well before that, so long phases keep working.
 */
final class BenchTenant {

    private static final String PASSWORD = "bench-password";
    private static final long TOKEN_REUSE_NANOS = 5L * 60 * 1_000_000_000L;

    private final KeycloakAdmin keycloak;
    private final String id;
    private final String username;
    private String token;
    private long tokenFetchedAt;

    private BenchTenant(KeycloakAdmin keycloak, String id, String username) {
        this.keycloak = keycloak;
        this.id = id;
        this.username = username;
    }

    static BenchTenant create(KeycloakAdmin keycloak, String purpose) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "bench-" + purpose + "-" + suffix;
        String username = id + "-hq";
        keycloak.createUser(username, PASSWORD, id, null, List.of("admin", "manager", "agent", "integration"));
        return new BenchTenant(keycloak, id, username);
    }

    String id() {
        return id;
    }

    synchronized String token() {
        if (token == null || System.nanoTime() - tokenFetchedAt > TOKEN_REUSE_NANOS) {
            token = keycloak.token(username, PASSWORD);
            tokenFetchedAt = System.nanoTime();
        }
        return token;
    }
}
