package crm.gateway.rest;

import crm.gateway.service.AccessLog;
import crm.gateway.service.Correlation;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * First handler of every request: settles its {@link Correlation}, echoes the request id in the answer
 * and writes the access-log line when the exchange ends. It runs before authentication, so refused
 * requests carry an id and are logged too.
 */
@Singleton
class CorrelationHandler implements Handler<RoutingContext> {

    static final String CORRELATION = Correlation.class.getName();
    static final String SERVICE = "crm.gateway.service";

    private final AccessLog accessLog;

    CorrelationHandler(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    static Correlation of(RoutingContext context) {
        return context.get(CORRELATION);
    }

    @Override
    public void handle(RoutingContext context) {
        long started = System.nanoTime();
        Correlation correlation = Correlation.from(context.request().headers());
        context.put(CORRELATION, correlation);
        // Set last, so that a service's own X-Request-Id cannot stand beside or replace the gateway's.
        context.addHeadersEndHandler(v ->
                context.response().headers().set(Correlation.REQUEST_ID, correlation.requestId()));
        // Probes and scrapers call /q/ every few seconds; logging them would drown the API traffic.
        if (!context.request().path().startsWith("/q/")) {
            context.addEndHandler(done -> log(context, correlation, started, done.succeeded()));
        }
        context.next();
    }

    private void log(RoutingContext context, Correlation correlation, long started, boolean complete) {
        CallerClaims caller = CallerClaims.of(context);
        accessLog.write(new AccessLog.Entry(context.request().method().name(), context.request().path(),
                context.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                correlation.requestId(), caller.tenant(), caller.clientId(), context.get(SERVICE), complete));
    }
}
