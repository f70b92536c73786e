package crm.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.timers")
public interface TimersConfig {

    /** Whether this instance fires due timers (safe with several replicas). */
    @WithDefault("true")
    boolean enabled();

    /** How often due timers are looked for; a timer fires at most this late. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Timers fired per poll at most; the rest wait for the next poll. */
    @WithDefault("200")
    int batchSize();

    /** How long a timer whose handler failed waits before it is tried again. */
    @WithDefault("30s")
    Duration retryDelay();
}
