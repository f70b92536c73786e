package crm.platform.tenancy;

import crm.platform.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant context of the current request, read from the verified access token's {@code tenant} and
 * {@code unit} claims. Headers and bodies are never consulted.
 */
@RequestScoped
public class CurrentTenant {

    public static final String TENANT_CLAIM = "tenant";
    public static final String UNIT_CLAIM = "unit";

    private final SecurityIdentity identity;
    private TenantContext resolved;

    public CurrentTenant(SecurityIdentity identity) {
        this.identity = identity;
    }

    public TenantContext get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private TenantContext resolve() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        String tenant = claim(token, TENANT_CLAIM);
        if (tenant == null) {
            throw ProblemException.forbidden("The access token carries no tenant claim");
        }
        return new TenantContext(tenant, claim(token, UNIT_CLAIM), token.getSubject(), identity.getRoles());
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        // A Keycloak attribute mapper may wrap a single value in quotes when it is a JSON string.
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? null : text;
    }
}
