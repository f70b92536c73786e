package crm.gateway.rest;

import crm.gateway.config.BodySizeLimit;
import crm.gateway.service.ProxyFailure;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Refuses a declared body above the {@link BodySizeLimit} as problem+json; Quarkus' own check, which
 * runs right after, would answer with an empty body. Chunked bodies declare no length; the proxy counts
 * those.
 */
@Singleton
class BodyLimitHandler implements Handler<RoutingContext> {

    private final BodySizeLimit limit;

    BodyLimitHandler(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public void handle(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBodyBytes = limit.bytes(context.request());
        if (declared != null && exceedsLimit(declared, maxBodyBytes)) {
            Problems.send(context, ProxyFailure.bodyTooLarge(maxBodyBytes));
            return;
        }
        context.next();
    }

    private static boolean exceedsLimit(String declared, long maxBodyBytes) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            // Vert.x refuses a malformed Content-Length before any route runs.
            return false;
        }
    }
}
