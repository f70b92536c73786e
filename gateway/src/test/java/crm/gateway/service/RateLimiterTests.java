package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Map;
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
