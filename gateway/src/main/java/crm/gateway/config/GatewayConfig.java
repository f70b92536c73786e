package crm.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
     * Base URL of the staff web console, which serves {@code /} and {@code /console/**}. Its pages are
     * passed through like the API; the console signs users in itself and calls the API with their tokens.
     */
    @WithDefault("http://127.0.0.1:8085")
    URI consoleUrl();

    /**
     * How long a service may stay silent: to accept the connection, to start its answer, and between two
     * pieces of its answer. Past it the caller gets 504 (or 503 when no connection could be made).
     */
    @WithDefault("30s")
    Duration timeout();

    /**
     * Open connections the gateway keeps to one service at most; further requests wait for a free one
     * (at most {@link #timeout()}), so one slow service cannot exhaust the gateway's sockets. Split evenly
     * between the gateway's event loops, each of which has a pool of its own (see DownstreamProxy).
     */
    @WithDefault("100")
    int maxConnectionsPerService();

    /**
     * The largest request body on every route but the {@link #uploads()}; above it the caller gets 413.
     * Chunked bodies are counted as they stream.
     */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Routes that take whole files, whose bodies may be far larger and whose answers far slower. */
    Uploads uploads();

    /** Request rates per tenant, per client and per anonymous form visitor. */
    RateLimit rateLimit();

    /** Tokens already verified, so that a token's signature is checked once rather than on every request. */
    TokenCache tokenCache();

    /** When the gateway stops calling a service that keeps failing. */
    CircuitBreaker circuitBreaker();

    /** The customer overview, which gathers one contact's data from every service. */
    Overview overview();

    interface Uploads {
        /**
         * Method and path of each upload route, e.g. {@code POST /api/v1/contacts/imports}: the CSV
         * import of contacts and the bulk upload of purchases, which their service takes up to 1 GB of.
         */
        @WithDefault("POST /api/v1/contacts/imports,POST /api/v1/purchases/bulk")
        Set<String> routes();

        /** The largest body of an upload. Quarkus' own quarkus.http.limits.max-body-size must not be lower. */
        @WithDefault("1G")
        MemorySize maxBodySize();

        /**
         * How long the service may stay silent during an upload: it answers when the whole file is
         * written, which takes minutes for a million rows.
         */
        @WithDefault("30m")
        Duration timeout();
    }

    interface RateLimit {

        /** Whether rate limits apply at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Gateway replicas that share the limits; each enforces its share (limit / replicas), as the load
         * balancer spreads a caller's requests over them. See gateway/README.md.
         */
        @WithDefault("1")
        int replicas();

        /** The plan of a tenant not listed in {@link #tenantPlans()}. */
        @WithDefault("standard")
        String defaultPlan();

        /** Plan per tenant id, e.g. {@code crm.gateway.rate-limit.tenant-plans.t-bikes=premium}. */
        Map<String, String> tenantPlans();

        /** The plans by name; {@link #defaultPlan()} must be among them. */
        @WithDefaults
        Map<String, Plan> plans();

        /**
         * Clients that people use (the console, the mobile apps). Their tokens are limited per user: the
         * second bucket is keyed by tenant, client and the token's {@code sub}, so that the colleagues of
         * a tenant do not share one bucket. Integration clients keep theirs per tenant and client.
         */
        @WithDefault("crm-web,crm-console")
        Set<String> interactiveClients();

        /**
         * Whether a person's token from any other client is limited per user as well. A token is a
         * person's unless it carries {@link #serviceAccountClaim()}.
         */
        @WithDefault("true")
        boolean perUserForPeople();

        /**
         * The claim that marks a service account's token (client-credentials grant): Keycloak puts
         * {@code client_id} into those and never into a person's.
         */
        @WithDefault("client_id")
        String serviceAccountClaim();

        /** The limit per client address on the anonymous form endpoint, per form key. */
        Bucket publicForms();

        /** How often idle buckets are dropped; a bucket idle long enough to be full again is dropped. */
        @WithDefault("30s")
        Duration sweepInterval();
    }

    interface TokenCache {

        /**
         * Whether a verified token is remembered until it expires. Keyed by the whole token, so only the
         * very same token is accepted without a new check of its signature, issuer and audience; its
         * expiry is checked on every request all the same.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Tokens remembered at most (a few KiB each). When full, expired ones are dropped first, then
         * arbitrary ones, which are simply verified again at their next use.
         */
        @WithDefault("1000")
        int maxEntries();
    }

    interface Plan {

        /** Requests per second for all of a tenant's callers together. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a tenant may send at once above its rate. */
        @WithDefault("100")
        int burst();

        /**
         * Requests per second for one client (token {@code azp}) of a tenant; for an interactive client,
         * for one user of that client (see {@link RateLimit#interactiveClients()}).
         */
        @WithDefault("25")
        double clientRequestsPerSecond();

        /** Requests one client of a tenant (one user of an interactive client) may send at once above its rate. */
        @WithDefault("50")
        int clientBurst();
    }

    interface Bucket {

        /** Requests per second. */
        @WithDefault("0.2")
        double requestsPerSecond();

        /** Requests at once above the rate. */
        @WithDefault("5")
        int burst();
    }

    interface CircuitBreaker {

        /** Consecutive connection failures or timeouts, within {@link #window()}, that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** The failures must follow each other within this time; older ones are forgotten. */
        @WithDefault("30s")
        Duration window();

        /** How long an open breaker refuses requests before it lets one trial request through. */
        @WithDefault("10s")
        Duration delay();
    }

    /** The one OpenAPI document, merged from the services' own. */
    OpenApi openapi();

    interface OpenApi {

        /** How long the gateway waits for one service's document. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** How long a merged document with every service in it is served before it is built again. */
        @WithDefault("5m")
        Duration cacheTtl();

        /** How long a document that lacks a service is served; short, so the service appears soon after it is up. */
        @WithDefault("15s")
        Duration incompleteCacheTtl();
    }

    interface Overview {

        /** How long the overview waits for each of its parts. */
        @WithDefault("3s")
        Duration partTimeout();
    }

    /** The privacy export, which gathers everything every service holds about one person. */
    Privacy privacy();

    interface Privacy {

        /**
         * How long the export waits for each service's part; longer than the overview's, since a part
         * holds a person's whole history and an administrator waits for it rather than an app.
         */
        @WithDefault("10s")
        Duration partTimeout();
    }
}
