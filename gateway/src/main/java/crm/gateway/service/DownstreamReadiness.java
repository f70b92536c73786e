package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@value #NAME}: asks each service's {@code /q/health/ready} and reports every one's
 * state (and its circuit breaker's) in the check's data. The check itself stays UP when services are
 * down: the gateway still serves the other services, the public forms and partial overviews, and taking
 * it out of the load balancer would turn one failing service into a failing CRM.
 */
@Readiness
@Singleton
public class DownstreamReadiness implements AsyncHealthCheck {

    static final String NAME = "downstream services";

    private final RouteTable routes;
    private final CircuitBreakers breakers;
    private final long timeoutMillis;
    private final HttpClient client;

    public DownstreamReadiness(Vertx vertx, RouteTable routes, CircuitBreakers breakers, GatewayConfig config) {
        this.routes = routes;
        this.breakers = breakers;
        // A probe must answer within the kubelet's timeout, whatever the services' own timeout is.
        this.timeoutMillis = Math.min(config.timeout().toMillis(), 2_000);
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> states = routes.services().stream().map(this::stateOf).toList();
        Future<HealthCheckResponse> response = Future.join(states).map(all -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up();
            for (int i = 0; i < states.size(); i++) {
                String service = routes.services().get(i).name();
                builder.withData(service, states.get(i).result());
                builder.withData(service + " circuit", breakers.stateOf(service).name());
            }
            return builder.build();
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    /** UP when the service says it is ready; DOWN for any other answer or none. */
    private Future<String> stateOf(Downstream service) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setURI("/q/health/ready").setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(answer -> answer.body().map(body -> answer.statusCode()))
                .map(status -> status == 200 ? "UP" : "DOWN")
                .otherwise("DOWN");
    }
}
