package crm.gateway.support;

import crm.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts recording stand-ins behind the gateway: contacts-, leads- and tickets-service each get one on a
 * free port; analytics-service points at a port nobody listens on, to stand for a service that is down.
 * The timeout and body limit are short, so that their tests are quick.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    /** The gateway's timeout in tests. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The gateway's body limit in tests. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int contacts = Ports.free();
        int leads = Ports.free();
        int tickets = Ports.free();
        await(Future.all(
                RecordingService.start(vertx, "contacts-service", contacts),
                RecordingService.start(vertx, "leads-service", leads),
                RecordingService.start(vertx, "tickets-service", tickets)));
        return Map.of(
                "crm.gateway.contacts-url", url(contacts),
                "crm.gateway.leads-url", url(leads),
                "crm.gateway.tickets-url", url(tickets),
                "crm.gateway.analytics-url", url(Ports.free()),
                "crm.gateway.timeout", TIMEOUT.toMillis() + "ms",
                "quarkus.http.limits.max-body-size", String.valueOf(MAX_BODY_BYTES));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static void await(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("downstream stand-ins did not start or stop: " + e.getMessage(), e);
        }
    }
}
