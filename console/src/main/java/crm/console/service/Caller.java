package crm.console.service;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of this request, as Keycloak's tokens say: who (ID token), which tenant and unit
 * (claims {@code tenant}, {@code unit}; no unit means headquarters), which roles (access token), and the
 * access token itself, which every API call carries.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String accessToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : token.getToken();
    }

    /** What templates show and decide on; a snapshot, so it can be rendered anywhere. */
    public UserView view() {
        JsonWebToken id = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String username = claim(id, "preferred_username");
        String name = claim(id, "name");
        String unit = claim(id, "unit");
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(UserView.CRM_ROLES);
        return new UserView(name == null || name.isBlank() ? username : name, username, claim(id, "sub"),
                claim(id, "tenant"), unit == null || unit.isBlank() ? null : unit, roles);
    }

    private static String claim(JsonWebToken token, String name) {
        if (token == null) {
            return null;
        }
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
