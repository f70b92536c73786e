package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CircuitBreaker} per service, each visible as the gauge {@code crm_gateway_circuit_open}
 * (1 while open or half-open) labelled with the service's name.
 */
@Singleton
public class CircuitBreakers {

    private final Map<String, CircuitBreaker> byService = new ConcurrentHashMap<>();

    @Inject
    public CircuitBreakers(GatewayConfig config, RouteTable routes, MeterRegistry registry) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        for (Downstream service : routes.downstreams()) {
            CircuitBreaker breaker = new CircuitBreaker(
                    settings.failureThreshold(), settings.window(), settings.delay());
            byService.put(service.name(), breaker);
            Gauge.builder("crm.gateway.circuit.open", breaker,
                            b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the gateway refuses requests to the service without trying it")
                    .tag("service", service.name())
                    .register(registry);
        }
    }

    public CircuitBreaker of(Downstream service) {
        return byService.get(service.name());
    }

    public CircuitBreaker.State stateOf(String serviceName) {
        CircuitBreaker breaker = byService.get(serviceName);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state();
    }
}
