package crm.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of the verified token of a request that the access log and the rate limits use.
 *
 * @param subject the token's {@code sub}: the person, or the service account of an integration
 */
record CallerClaims(String tenant, String clientId, String subject, JsonWebToken token) {

    private static final CallerClaims NONE = new CallerClaims(null, null, null, null);

    static CallerClaims of(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return NONE;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return NONE;
        }
        return new CallerClaims(text(token.getClaim("tenant")), text(token.getClaim("azp")),
                text(token.getClaim("sub")), token);
    }

    /** Whether the token carries this claim at all. */
    boolean has(String claim) {
        return token != null && token.containsClaim(claim);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String text = claim.toString();
        // A Keycloak attribute mapper may hand over a JSON string with its quotes.
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? null : text;
    }
}
