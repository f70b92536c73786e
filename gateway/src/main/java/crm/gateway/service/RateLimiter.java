package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per tenant, per client of a tenant and per visitor of a public form. Each replica of the
 * gateway keeps its own buckets and enforces its share of each limit (see gateway/README.md).
 *
 * <p>A client is keyed by tenant and {@code azp}: the public app client is shared by every tenant's
 * users, and one tenant's traffic must not use up another's. The people using an interactive client (the
 * console, the apps) are keyed by their {@code sub} as well, so that one busy colleague does not lock the
 * whole tenant's staff out; the tenant's bucket still bounds them all together.
 *
 * <p>Buckets that have refilled completely are dropped, which loses nothing, so memory stays bounded by
 * the callers active within one refill time.
 */
@Singleton
public class RateLimiter {

    static final String TENANT_POLICY = "tenant";
    static final String CLIENT_POLICY = "client";
    static final String USER_POLICY = "user";
    static final String FORM_POLICY = "form";
    private static final String NO_TENANT = "(none)";

    private final GatewayConfig.RateLimit config;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;
    private final long sweepIntervalNanos;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimit(), System::nanoTime);
    }

    RateLimiter(GatewayConfig.RateLimit config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.lastSweep = new AtomicLong(clock.getAsLong());
        this.sweepIntervalNanos = config.sweepInterval().toNanos();
    }

    /**
     * Whether a token of this client is limited per user: always for an interactive client (the console,
     * the apps), for other clients when the token is a person's (not a service account's) and
     * {@code per-user-for-people} is on. Integration clients (client-credentials tokens) are limited per client.
     */
    public boolean limitsPerUser(String clientId, boolean serviceAccount) {
        if (clientId != null && config.interactiveClients().contains(clientId)) {
            return true;
        }
        return !serviceAccount && config.perUserForPeople();
    }

    /** The claim that marks a service account's token; see {@link #limitsPerUser}. */
    public String serviceAccountClaim() {
        return config.serviceAccountClaim();
    }

    /** Takes one request from the tenant's bucket and from its client's. */
    public RateLimitDecision admitApiRequest(String tenant, String clientId) {
        return admitApiRequest(tenant, clientId, null);
    }

    /**
     * Takes one request from the tenant's bucket and from its client's, or, with a {@code user}, from that
     * user's bucket of the client (rate and burst of a client each, policy {@value #USER_POLICY}).
     */
    public RateLimitDecision admitApiRequest(String tenant, String clientId, String user) {
        if (!config.enabled()) {
            return RateLimitDecision.UNLIMITED;
        }
        // The services refuse a token without tenant, but refusing costs them too: such callers share one bucket.
        String tenantKey = tenant == null ? NO_TENANT : tenant;
        GatewayConfig.Plan plan = planOf(tenantKey);
        long now = clock.getAsLong();
        sweepIfDue(now);
        List<Named> consulted = new ArrayList<>();
        consulted.add(new Named(TENANT_POLICY,
                bucket("tenant|" + tenantKey, plan.requestsPerSecond(), plan.burst(), now)));
        if (clientId != null && user != null) {
            // Keyed by client as well: the same person in two apps is two callers with their own bursts.
            consulted.add(new Named(USER_POLICY, bucket("user|" + tenantKey + "|" + clientId + "|" + user,
                    plan.clientRequestsPerSecond(), plan.clientBurst(), now)));
        } else if (clientId != null) {
            consulted.add(new Named(CLIENT_POLICY, bucket("client|" + tenantKey + "|" + clientId,
                    plan.clientRequestsPerSecond(), plan.clientBurst(), now)));
        }
        return admit(consulted, now);
    }

    /** Takes one request from the bucket of this visitor (address) of this form. */
    public RateLimitDecision admitFormSubmission(String clientAddress, String formKey) {
        if (!config.enabled()) {
            return RateLimitDecision.UNLIMITED;
        }
        long now = clock.getAsLong();
        sweepIfDue(now);
        GatewayConfig.Bucket limit = config.publicForms();
        TokenBucket bucket = bucket("form|" + clientAddress + "|" + formKey,
                limit.requestsPerSecond(), limit.burst(), now);
        return admit(List.of(new Named(FORM_POLICY, bucket)), now);
    }

    GatewayConfig.Plan planOf(String tenant) {
        String name = config.tenantPlans().getOrDefault(tenant, config.defaultPlan());
        // A tenant assigned to a plan nobody configured gets the default plan rather than built-in values.
        return config.plans().get(config.plans().containsKey(name) ? name : config.defaultPlan());
    }

    int trackedBuckets() {
        return buckets.size();
    }

    private RateLimitDecision admit(List<Named> consulted, long now) {
        List<TokenBucket> taken = new ArrayList<>();
        TokenBucket refusing = null;
        for (Named named : consulted) {
            if (named.bucket().tryTake(now)) {
                taken.add(named.bucket());
            } else {
                refusing = named.bucket();
                break;
            }
        }
        if (refusing != null) {
            // A refused request must not cost the buckets that would have let it through.
            taken.forEach(TokenBucket::giveBack);
        }
        List<RateLimitDecision.Policy> policies = consulted.stream().map(n -> new RateLimitDecision.Policy(
                n.name(), n.bucket().burst(), n.bucket().windowSeconds(), n.bucket().remaining(now),
                n.bucket().secondsUntilFull(now))).toList();
        long retryAfter = refusing == null ? 0 : refusing.secondsUntilNextToken(now);
        return new RateLimitDecision(refusing == null, retryAfter, policies);
    }

    private TokenBucket bucket(String key, double ratePerSecond, int burst, long now) {
        int replicas = Math.max(1, config.replicas());
        return buckets.computeIfAbsent(key,
                k -> new TokenBucket(ratePerSecond / replicas, Math.max(1, burst / replicas), now));
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= sweepIntervalNanos && lastSweep.compareAndSet(last, now)) {
            // A request racing the sweep may take from a bucket just dropped; that one token is forgiven.
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private record Named(String name, TokenBucket bucket) {
    }
}
