package crm.gateway.rest;

import crm.gateway.service.Correlation;
import crm.gateway.service.Downstream;
import crm.gateway.service.DownstreamProxy;
import crm.gateway.service.ForwardedHeaders;
import crm.gateway.service.ProxyFailure;
import crm.gateway.service.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Sends an API or public request on to the service that owns its path. */
@Singleton
class ProxyHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private final RouteTable routes;
    private final DownstreamProxy proxy;

    ProxyHandler(RouteTable routes, DownstreamProxy proxy) {
        this.routes = routes;
        this.proxy = proxy;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (RouteTable.hasDotSegments(request.path())) {
            Problems.send(context, 400, "The path must not contain '.' or '..' segments");
            return;
        }
        // Routing follows the normalised path, the one Quarkus authorised and Vert.x routed by.
        Optional<Downstream> service = routes.resolve(context.normalizedPath());
        if (service.isEmpty()) {
            Problems.send(context, 404, "There is no API resource at this path");
            return;
        }
        context.put(CorrelationHandler.SERVICE, service.get().name());
        Correlation correlation = CorrelationHandler.of(context);
        MultiMap headers = ForwardedHeaders.toDownstream(request.headers(), correlation,
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), request.scheme());
        proxy.forward(context, service.get(), headers).onFailure(failure -> {
            if (failure instanceof ProxyFailure known) {
                failed(context, correlation, known);
            } else {
                context.fail(failure);
            }
        });
    }

    private static void failed(RoutingContext context, Correlation correlation, ProxyFailure failure) {
        if (context.response().closed()) {
            return;
        }
        if (failure.status() >= 500 && !failure.refusedByOpenCircuit()) {
            LOG.warnf("Request %s %s: %s (%s)", correlation.requestId(), context.request().path(),
                    failure.getMessage(), failure.getCause() == null ? "no cause" : failure.getCause().toString());
        }
        if (context.response().headWritten()) {
            // Half an answer has gone out; cutting the connection is the only honest end left.
            context.response().reset();
        } else {
            Problems.send(context, failure);
        }
    }
}
