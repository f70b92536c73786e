package crm.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway sends each API resource, and how long it waits. The defaults fit {@code ./crm up};
 * Kubernetes overrides the URLs with the services' cluster addresses.
 */
@ConfigMapping(prefix = "crm.gateway")
public interface GatewayConfig {

    /**
     * Base URL (scheme, host, port; no path) of contacts-service, which owns contacts, companies,
     * interactions, tasks, purchases and privacy.
     */
    @WithDefault("http://127.0.0.1:8081")
    URI contactsUrl();

    /**
     * Base URL of leads-service, which owns leads, opportunities, products, campaigns, forms and the
     * public form endpoint.
     */
    @WithDefault("http://127.0.0.1:8082")
    URI leadsUrl();

    /** Base URL of tickets-service, which owns tickets, queues, SLA policies and knowledge-base articles. */
    @WithDefault("http://127.0.0.1:8083")
    URI ticketsUrl();

    /** Base URL of analytics-service, which owns the read models under {@code /api/v1/analytics}. */
    @WithDefault("http://127.0.0.1:8084")
    URI analyticsUrl();

    /**
     * How long a service may stay silent: to accept the connection, to start its answer, and between two
     * pieces of its answer. Past it the caller gets 504 (or 503 when no connection could be made).
     */
    @WithDefault("30s")
    Duration timeout();

    /**
     * Open connections the gateway keeps to one service at most; further requests wait for a free one
     * (at most {@link #timeout()}), so one slow service cannot exhaust the gateway's sockets.
     */
    @WithDefault("100")
    int maxConnectionsPerService();
}
