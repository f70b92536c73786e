package crm.gateway.rest;

import crm.gateway.service.Correlation;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Turns every failed request into problem+json. Above all it catches refused tokens: Quarkus' proactive
 * authentication fails the routing context before any route or JAX-RS mapper runs (and would answer 401
 * with an empty body), and {@link TokenRequiredHandler} fails it the same way for a missing token.
 */
@Singleton
class ProblemFailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);
    private static final String INVALID_TOKEN = "The bearer token is not valid: malformed, expired,"
            + " not meant for this API or not signed by the CRM's identity provider";

    @Override
    public void handle(RoutingContext context) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Throwable failure = rootCause(context.failure());
        int status = statusOf(context, failure);
        if (status == 401) {
            unauthorized(context);
        } else if (status == 403) {
            Problems.send(context, 403, "The token does not allow this request");
        } else if (status < 500) {
            Problems.send(context, status, "The request cannot be processed as sent");
        } else {
            Correlation correlation = CorrelationHandler.of(context);
            String reference = correlation == null ? "none" : correlation.requestId();
            LOG.errorf(failure, "Unexpected failure of request %s %s", reference, context.request().path());
            Problems.send(context, 500, "Unexpected failure; reference " + reference);
        }
    }

    private static void unauthorized(RoutingContext context) {
        boolean tokenSent = context.request().headers().contains(HttpHeaders.AUTHORIZATION);
        // RFC 6750: a rejected token is named as such, a missing one gets the bare challenge.
        context.response().headers().set(HttpHeaderNames.WWW_AUTHENTICATE,
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.send(context, 401, "Unauthorized", tokenSent ? INVALID_TOKEN : "A bearer token is required");
    }

    private static int statusOf(RoutingContext context, Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            return 401;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        int status = context.statusCode();
        return status >= 400 && status <= 599 ? status : 500;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
                current = composite.getCauses().get(0);
            } else if (current instanceof CompletionException && current.getCause() != null) {
                current = current.getCause();
            } else {
                return current;
            }
        }
        return null;
    }
}
