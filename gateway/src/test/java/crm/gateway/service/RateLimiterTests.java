package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private static final long SECOND = 1_000_000_000L;

    private long now = 0;

    @Test
    void shouldRefuseOnceTheBurstIsUsedAndAdmitAgainAfterRefill() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of()), () -> now);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.admitApiRequest("t-1", "app").allowed()).isTrue();
        }
        RateLimitDecision refused = limiter.admitApiRequest("t-1", "app");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.stateHeader()).isEqualTo("\"tenant\";r=6;t=2, \"client\";r=0;t=4");

        now += SECOND;
        assertThat(limiter.admitApiRequest("t-1", "app").allowed()).isTrue();
    }

    @Test
    void shouldNotChargeTheTenantForARequestItsClientWasRefused() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of()), () -> now);
        for (int i = 0; i < 5; i++) {
            limiter.admitApiRequest("t-1", "app");
        }

        RateLimitDecision otherClient = limiter.admitApiRequest("t-1", "integration");

        assertThat(otherClient.allowed()).isTrue();
        assertThat(otherClient.policies().get(0).remaining()).isEqualTo(5);
    }

    @Test
    void shouldGiveEachUserOfAClientABucketOfItsOwnWithinTheTenantsBucket() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of()), () -> now);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.admitApiRequest("t-1", "console", "anna").allowed()).isTrue();
        }
        assertThat(limiter.admitApiRequest("t-1", "console", "anna").allowed()).isFalse();

        RateLimitDecision colleague = limiter.admitApiRequest("t-1", "console", "ben");

        assertThat(colleague.allowed()).isTrue();
        assertThat(colleague.stateHeader()).isEqualTo("\"tenant\";r=5;t=3, \"user\";r=3;t=1");
        assertThat(colleague.policyHeader()).isEqualTo("\"tenant\";q=10;w=5, \"user\";q=4;w=4");
        // Their tenant's bucket holds them all: anna's 4 and ben's 1 request came out of it.
        for (int i = 0; i < 3; i++) {
            limiter.admitApiRequest("t-1", "console", "user-" + i);
        }
        assertThat(limiter.admitApiRequest("t-1", "console", "carl").policies().get(0).remaining()).isEqualTo(1);
    }

    @Test
    void shouldLimitInteractiveClientsAndPeoplePerUserButServiceAccountsPerClient() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of()), () -> now);

        assertThat(limiter.limitsPerUser("console", false)).isTrue();
        assertThat(limiter.limitsPerUser("console", true)).isTrue();
        assertThat(limiter.limitsPerUser("cli", false)).isTrue();
        assertThat(limiter.limitsPerUser("shop-integration", true)).isFalse();
        assertThat(limiter.serviceAccountClaim()).isEqualTo("client_id");

        RateLimiter clientsOnly = new RateLimiter(config(1, Map.of(), false), () -> now);
        assertThat(clientsOnly.limitsPerUser("console", false)).isTrue();
        assertThat(clientsOnly.limitsPerUser("cli", false)).isFalse();
    }

    @Test
    void shouldGiveEachTenantItsPlan() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of("t-big", "premium")), () -> now);

        assertThat(limiter.planOf("t-big").burst()).isEqualTo(100);
        assertThat(limiter.planOf("t-small").burst()).isEqualTo(10);
        assertThat(limiter.admitApiRequest("t-big", null).policyHeader()).isEqualTo("\"tenant\";q=100;w=10");
    }

    @Test
    void shouldEnforceItsShareOfTheLimitWithSeveralReplicas() {
        RateLimiter limiter = new RateLimiter(config(2, Map.of()), () -> now);

        assertThat(limiter.admitApiRequest("t-1", null).policyHeader()).isEqualTo("\"tenant\";q=5;w=5");
    }

    @Test
    void shouldForgetBucketsThatHaveRefilled() {
        RateLimiter limiter = new RateLimiter(config(1, Map.of()), () -> now);
        limiter.admitApiRequest("t-1", "app");
        limiter.admitFormSubmission("203.0.113.9", "form-1");
        assertThat(limiter.trackedBuckets()).isEqualTo(3);

        now += 60 * SECOND;
        limiter.admitApiRequest("t-2", null);

        assertThat(limiter.trackedBuckets()).isEqualTo(1);
    }

    private static GatewayConfig.RateLimit config(int replicas, Map<String, String> tenantPlans) {
        return config(replicas, tenantPlans, true);
    }

    private static GatewayConfig.RateLimit config(int replicas, Map<String, String> tenantPlans,
                                                  boolean perUserForPeople) {
        return new GatewayConfig.RateLimit() {
            public boolean enabled() { return true; }
            public int replicas() { return replicas; }
            public String defaultPlan() { return "standard"; }
            public Map<String, String> tenantPlans() { return tenantPlans; }
            public Map<String, GatewayConfig.Plan> plans() {
                return Map.of("standard", plan(2, 10, 1, 4), "premium", plan(10, 100, 5, 50));
            }
            public GatewayConfig.Bucket publicForms() {
                return new GatewayConfig.Bucket() {
                    public double requestsPerSecond() { return 0.5; }
                    public int burst() { return 2; }
                };
            }
            public Duration sweepInterval() { return Duration.ofSeconds(30); }
            public Set<String> interactiveClients() { return Set.of("console"); }
            public boolean perUserForPeople() { return perUserForPeople; }
            public String serviceAccountClaim() { return "client_id"; }
        };
    }

    private static GatewayConfig.Plan plan(double rate, int burst, double clientRate, int clientBurst) {
        return new GatewayConfig.Plan() {
            public double requestsPerSecond() { return rate; }
            public int burst() { return burst; }
            public double clientRequestsPerSecond() { return clientRate; }
            public int clientBurst() { return clientBurst; }
        };
    }
}
