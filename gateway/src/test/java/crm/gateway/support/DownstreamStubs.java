package crm.gateway.support;

import crm.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts recording stand-ins behind the gateway: contacts-, leads- and tickets-service and the console each
 * get one on a free port; analytics-service points at a port nobody listens on, to stand for a service that is down.
 * The timeouts, body limit and rate limits are small, so that their tests are quick; the rate limits still
 * leave every other test (each with its own tenant) far below them.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    /** The gateway's timeout in tests. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The gateway's body limit in tests. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The gateway's body limit on upload routes in tests. */
    public static final int MAX_UPLOAD_BYTES = 4 * MAX_BODY_BYTES;
    /** The gateway's timeout on upload routes in tests. */
    public static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(8);
    /** How long the overview waits for each part in tests. */
    public static final Duration OVERVIEW_PART_TIMEOUT = Duration.ofSeconds(1);
    /** How long the privacy export waits for each service in tests. */
    public static final Duration PRIVACY_PART_TIMEOUT = Duration.ofSeconds(1);
    /** Consecutive failures that open a service's breaker in tests. */
    public static final int BREAKER_THRESHOLD = 4;
    /** Requests one client of a tenant may send at once in tests. */
    public static final int CLIENT_BURST = 12;
    /** Form submissions one visitor may send at once in tests. */
    public static final int FORM_BURST = 3;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int contacts = Ports.free();
        int leads = Ports.free();
        int tickets = Ports.free();
        int console = Ports.free();
        await(Future.all(
                RecordingService.start(vertx, "contacts-service", contacts),
                RecordingService.start(vertx, "leads-service", leads),
                RecordingService.start(vertx, "tickets-service", tickets),
                RecordingService.start(vertx, "console", console)));
        Map<String, String> config = new HashMap<>();
        config.put("crm.gateway.contacts-url", url(contacts));
        config.put("crm.gateway.leads-url", url(leads));
        config.put("crm.gateway.tickets-url", url(tickets));
        config.put("crm.gateway.analytics-url", url(Ports.free()));
        config.put("crm.gateway.console-url", url(console));
        config.put("crm.gateway.timeout", TIMEOUT.toMillis() + "ms");
        config.put("crm.gateway.max-body-size", String.valueOf(MAX_BODY_BYTES));
        config.put("crm.gateway.uploads.max-body-size", String.valueOf(MAX_UPLOAD_BYTES));
        config.put("crm.gateway.uploads.timeout", UPLOAD_TIMEOUT.toMillis() + "ms");
        config.put("crm.gateway.overview.part-timeout", OVERVIEW_PART_TIMEOUT.toMillis() + "ms");
        config.put("crm.gateway.privacy.part-timeout", PRIVACY_PART_TIMEOUT.toMillis() + "ms");
        config.put("crm.gateway.circuit-breaker.failure-threshold", String.valueOf(BREAKER_THRESHOLD));
        config.put("crm.gateway.circuit-breaker.delay", "60s");
        // Slow refills: a test that sends a burst quickly meets the limit however slow the machine is.
        config.put("crm.gateway.rate-limit.plans.standard.requests-per-second", "2");
        config.put("crm.gateway.rate-limit.plans.standard.burst", String.valueOf(CLIENT_BURST * 2));
        config.put("crm.gateway.rate-limit.plans.standard.client-requests-per-second", "1");
        config.put("crm.gateway.rate-limit.plans.standard.client-burst", String.valueOf(CLIENT_BURST));
        config.put("crm.gateway.rate-limit.public-forms.requests-per-second", "0.5");
        config.put("crm.gateway.rate-limit.public-forms.burst", String.valueOf(FORM_BURST));
        return config;
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
