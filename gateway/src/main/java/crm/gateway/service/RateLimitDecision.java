package crm.gateway.service;

import java.util.List;

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
        if (policies.isEmpty()) {
            return null;
        }
        // Built on every request: a plain builder rather than a stream and a joining collector.
        StringBuilder header = new StringBuilder(48);
        for (Policy p : policies) {
            separate(header).append('"').append(p.name()).append("\";q=").append(p.quota())
                    .append(";w=").append(p.windowSeconds());
        }
        return header.toString();
    }

    /** The value of the {@code RateLimit} header, or null without limits. */
    public String stateHeader() {
        if (policies.isEmpty()) {
            return null;
        }
        StringBuilder header = new StringBuilder(48);
        for (Policy p : policies) {
            separate(header).append('"').append(p.name()).append("\";r=").append(p.remaining())
                    .append(";t=").append(p.resetSeconds());
        }
        return header.toString();
    }

    private static StringBuilder separate(StringBuilder header) {
        return header.isEmpty() ? header : header.append(", ");
    }
}
