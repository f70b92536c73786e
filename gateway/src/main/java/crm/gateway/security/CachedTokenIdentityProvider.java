package crm.gateway.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Asked before Quarkus OIDC's provider (highest priority): answers a bearer token that was verified before
 * and has not expired with its identity; for any other token it answers nothing, and Quarkus OIDC
 * verifies the token as usual (and {@link VerifiedTokenRecorder} remembers the result).
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Quarkus asks providers in descending priority; OIDC's has 1001. This one must come first.
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        SecurityIdentity cached = tokens.lookup(request.getToken().getToken());
        if (cached == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(VerifiedTokens.forRequest(cached,
                HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }
}
