package crm.gateway.rest;

import crm.gateway.service.RateLimitDecision;
import crm.gateway.service.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Admits a request within its rate limits and refuses it with 429 beyond them. API requests count against
 * their tenant and client, or, for people, their tenant, client and user (from the verified token; see
 * {@link RateLimiter#limitsPerUser}); anonymous form submissions against the visitor's address and the
 * form. Every answer tells the caller where it stands in {@code RateLimit}.
 */
@Singleton
class RateLimitHandler implements Handler<RoutingContext> {

    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String FORMS_PREFIX = "/public/v1/forms/";

    private final RateLimiter limiter;

    RateLimitHandler(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext context) {
        RateLimitDecision decision = decide(context);
        String policy = decision.policyHeader();
        if (policy != null) {
            String state = decision.stateHeader();
            // Set when the head goes out, so that a service's own fields cannot stand beside the gateway's.
            context.addHeadersEndHandler(v -> context.response().headers()
                    .set(RATE_LIMIT_POLICY, policy).set(RATE_LIMIT, state));
        }
        if (decision.allowed()) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        Problems.send(context, 429, "Too many requests; try again in " + decision.retryAfterSeconds() + " s");
    }

    private RateLimitDecision decide(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            CallerClaims caller = CallerClaims.of(context);
            String user = limiter.limitsPerUser(caller.clientId(), caller.has(limiter.serviceAccountClaim()))
                    ? caller.subject() : null;
            return limiter.admitApiRequest(caller.tenant(), caller.clientId(), user);
        }
        String address = context.request().remoteAddress() == null
                ? "unknown" : context.request().remoteAddress().hostAddress();
        return limiter.admitFormSubmission(address, formKeyOf(path));
    }

    /** The first segment after {@code /public/v1/forms/}; empty for the bare collection path. */
    private static String formKeyOf(String path) {
        if (!path.startsWith(FORMS_PREFIX)) {
            return "";
        }
        String rest = path.substring(FORMS_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
