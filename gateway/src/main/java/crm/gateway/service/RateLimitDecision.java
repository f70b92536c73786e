package crm.gateway.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the rate limiter decided about one request, and the state of each bucket it consulted, in the
 * terms of the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): a policy has a quota
 * {@code q} per window {@code w} seconds; the current state has {@code r} requests remaining and
 * {@code t} seconds until the quota is restored.
 *
 * @param retryAfterSeconds when refused, the seconds until the refusing bucket has a token again
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds, List<Policy> policies) {

    public record Policy(String name, int quota, long windowSeconds, int remaining, long resetSeconds) {
    }

    public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, 0, List.of());

    /** The value of the {@code RateLimit-Policy} header, or null without limits. */
    public String policyHeader() {
        return policies.isEmpty() ? null : policies.stream()
                .map(p -> "\"" + p.name() + "\";q=" + p.quota() + ";w=" + p.windowSeconds())
                .collect(Collectors.joining(", "));
    }

    /** The value of the {@code RateLimit} header, or null without limits. */
    public String stateHeader() {
        return policies.isEmpty() ? null : policies.stream()
                .map(p -> "\"" + p.name() + "\";r=" + p.remaining() + ";t=" + p.resetSeconds())
                .collect(Collectors.joining(", "));
    }
}
