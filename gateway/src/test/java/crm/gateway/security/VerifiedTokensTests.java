package crm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTests {

    private long now = 1_000;

    @Test
    void shouldAnswerTheVerifiedIdentityUntilTheTokenExpires() {
        VerifiedTokens tokens = new VerifiedTokens(true, 10, () -> now);
        tokens.remember(verified(jwt("token-a"), 1_060));

        assertThat(tokens.lookup(jwt("token-a")).getPrincipal().getName()).startsWith("sub-");
        now = 1_059;
        assertThat(tokens.lookup(jwt("token-a"))).isNotNull();
        // The verifier's rule: valid while now < exp.
        now = 1_060;
        assertThat(tokens.lookup(jwt("token-a"))).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldAnswerOnlyTheVeryTokenThatWasVerified() {
        VerifiedTokens tokens = new VerifiedTokens(true, 10, () -> now);
        String token = jwt("token-a");
        tokens.remember(verified(token, 2_000));

        assertThat(tokens.lookup(token.substring(0, token.length() - 1) + "x")).isNull();
        assertThat(tokens.lookup(token.substring(0, token.lastIndexOf('.') + 1))).isNull();
        assertThat(tokens.lookup(token)).isNotNull();
    }

    @Test
    void shouldKeepNoMoreThanItsLimitDroppingExpiredTokensFirst() {
        VerifiedTokens tokens = new VerifiedTokens(true, 10, () -> now);
        tokens.remember(verified(jwt("expiring"), 1_001));
        for (int i = 0; i < 9; i++) {
            tokens.remember(verified(jwt("token-" + i), 2_000));
        }
        now = 1_001;

        tokens.remember(verified(jwt("newcomer"), 2_000));

        assertThat(tokens.lookup(jwt("newcomer"))).isNotNull();
        assertThat(tokens.lookup(jwt("token-8"))).isNotNull();
        for (int i = 0; i < 50; i++) {
            tokens.remember(verified(jwt("more-" + i), 2_000));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(10);
        assertThat(tokens.lookup(jwt("more-49"))).isNotNull();
    }

    @Test
    void shouldKeepNothingWhenDisabledOrForExpiredTokens() {
        VerifiedTokens disabled = new VerifiedTokens(false, 10, () -> now);
        disabled.remember(verified(jwt("token-a"), 2_000));
        VerifiedTokens enabled = new VerifiedTokens(true, 10, () -> now);
        enabled.remember(verified(jwt("token-b"), 1_000));

        assertThat(disabled.lookup(jwt("token-a"))).isNull();
        assertThat(enabled.lookup(jwt("token-b"))).isNull();
    }

    @Test
    void shouldHoldNoReferenceToTheRequestThatVerifiedTheToken() {
        VerifiedTokens tokens = new VerifiedTokens(true, 10, () -> now);
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(verified(jwt("token-a"), 2_000))
                .addAttribute(RoutingContext.class.getName(), "the first request").build();
        tokens.remember(verified);

        SecurityIdentity cached = tokens.lookup(jwt("token-a"));
        SecurityIdentity forNextRequest = VerifiedTokens.forRequest(cached, null, null);

        assertThat(cached.getAttributes()).doesNotContainKey(RoutingContext.class.getName());
        assertThat(forNextRequest.getRoles()).containsExactly("agent");
        assertThat(forNextRequest.getAttributes()).containsEntry("tenant-id", "Default");
        assertThat(forNextRequest.getCredential(AccessTokenCredential.class).getToken()).isEqualTo(jwt("token-a"));
    }

    /** A token shaped like a JWT (Quarkus takes anything else for an opaque token), distinct per id. */
    private static String jwt(String id) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"jti\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".signature-" + id;
    }

    private static SecurityIdentity verified(String token, long expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(token, expiresAt))
                .addCredential(new AccessTokenCredential(token))
                .addRole("agent")
                .addAttributes(Map.of("tenant-id", "Default"))
                .build();
    }

    /** A principal as Quarkus OIDC makes it from a verified token: the raw token and its expiry. */
    private record Jwt(String rawToken, long expiresAt) implements JsonWebToken {

        @Override
        public String getName() {
            return "sub-" + rawToken;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("raw_token", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "raw_token" -> (T) rawToken;
                case "exp" -> (T) Long.valueOf(expiresAt);
                default -> null;
            };
        }
    }
}
