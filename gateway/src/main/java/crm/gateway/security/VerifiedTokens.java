package crm.gateway.security;

import crm.gateway.config.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of access tokens that Quarkus OIDC has verified (signature, issuer, audience, expiry),
 * each kept until its token expires. Verifying a token costs an RSA signature check and two JSON parses
 * on the event loop, the largest part of what the gateway spends on a request; clients send the same
 * token for many requests, so it is verified once per token instead of once per request.
 *
 * <p>Safe because the key is the whole token string: only the very bytes that were verified are
 * accepted, and expiry is checked at every lookup by the rule the verifier applies (valid while
 * {@code now < exp}). Bounded by {@code crm.gateway.token-cache.max-entries}.
 */
@Singleton
public class VerifiedTokens {

    /** Attributes that belong to the request that verified the token, not to the token: never kept. */
    private static final Set<String> REQUEST_BOUND =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    private final boolean enabled;
    private final int maxEntries;
    private final LongSupplier epochSeconds;
    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.tokenCache().enabled(), config.tokenCache().maxEntries(), () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(boolean enabled, int maxEntries, LongSupplier epochSeconds) {
        this.enabled = enabled;
        this.maxEntries = Math.max(1, maxEntries);
        this.epochSeconds = epochSeconds;
    }

    /** The identity verified earlier for exactly this token, or null if there is none or it has expired. */
    public SecurityIdentity lookup(String token) {
        Entry entry = byToken.get(token);
        if (entry == null) {
            return null;
        }
        if (epochSeconds.getAsLong() >= entry.expiresAt()) {
            byToken.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** Keeps an identity that Quarkus OIDC has just verified from a bearer token, until the token expires. */
    public void remember(SecurityIdentity verified) {
        if (!enabled || verified.isAnonymous()
                || !(verified.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = verified.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || credential.getToken() == null) {
            return;
        }
        String token = credential.getToken();
        long expiresAt = jwt.getExpirationTime();
        long now = epochSeconds.getAsLong();
        // The principal must be the one made from this very token (it always is for a bearer token).
        if (expiresAt <= now || !token.equals(jwt.getRawToken()) || byToken.containsKey(token)) {
            return;
        }
        if (byToken.size() >= maxEntries) {
            makeRoom(now);
        }
        byToken.put(token, new Entry(withoutRequest(verified), expiresAt));
    }

    int size() {
        return byToken.size();
    }

    /**
     * The cached identity as the identity of the current request: the request's own routing context
     * takes the place of the one that verified the token.
     */
    static SecurityIdentity forRequest(SecurityIdentity cached, RoutingContext context,
                                       AuthenticationRequestContext authentication) {
        QuarkusSecurityIdentity.Builder builder = copy(cached);
        if (context != null) {
            builder.addAttribute(RoutingContext.class.getName(), context);
        }
        if (authentication != null) {
            builder.addAttribute(AuthenticationRequestContext.class.getName(), authentication);
        }
        return builder.build();
    }

    /** Drops expired tokens; if that frees too little, a tenth of the rest (verified again when next used). */
    private void makeRoom(long now) {
        byToken.values().removeIf(entry -> now >= entry.expiresAt());
        int excess = byToken.size() - maxEntries + Math.max(1, maxEntries / 10);
        Iterator<String> tokens = byToken.keySet().iterator();
        while (excess-- > 0 && tokens.hasNext()) {
            tokens.next();
            tokens.remove();
        }
    }

    /** Keeps no reference to the verifying request, which would otherwise live as long as the token. */
    private static SecurityIdentity withoutRequest(SecurityIdentity verified) {
        return copy(verified).build();
    }

    private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addPermissions(identity.getPermissions());
        identity.getAttributes().forEach((name, value) -> {
            if (!REQUEST_BOUND.contains(name)) {
                builder.addAttribute(name, value);
            }
        });
        return builder;
    }

    private record Entry(SecurityIdentity identity, long expiresAt) {
    }
}
