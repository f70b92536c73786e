package crm.gateway.rest;

import crm.gateway.service.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Gives Micrometer's {@code http_server_requests} a {@code uri} label per API resource instead of per
 * path. Without it every contact id, and every path an anonymous caller makes up, would become a time
 * series of its own until Prometheus or the meter registry gave in. Quarkus REST labels its requests by
 * the same request-context entry.
 */
@Singleton
class MetricsLabelHandler implements Handler<RoutingContext> {

    /** The request-context key that Quarkus' Micrometer binder reads the label from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;

    MetricsLabelHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext context) {
        String template = routes.templateOf(context.normalizedPath());
        if (template != null && context.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        }
        context.next();
    }
}
