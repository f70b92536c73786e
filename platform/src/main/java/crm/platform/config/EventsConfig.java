package crm.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /crm/contacts}. */
    String source();

    Relay relay();

    interface Relay {
        /** Whether this instance runs the outbox relay (safe with several replicas). */
        @WithDefault("true")
        boolean enabled();

        /** How long the relay waits for a notification before it polls anyway. */
        @WithDefault("2s")
        Duration pollInterval();

        /** Outbox rows published per transaction. */
        @WithDefault("500")
        int batchSize();

        /** The producer's delivery timeout: how long a batch may wait for the broker before it is retried later. */
        @WithDefault("15s")
        Duration sendTimeout();
    }
}
