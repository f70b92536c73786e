package crm.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where the console finds the CRM's API and how patiently it waits. The defaults fit {@code ./crm up};
 * Kubernetes sets the gateway's cluster address.
 */
@ConfigMapping(prefix = "crm.console")
public interface ConsoleConfig {

    /**
     * Base URL of the gateway (scheme, host, port). Every API call goes there with the signed-in user's own
     * access token, so the console sees exactly what the user may see.
     */
    @WithDefault("http://127.0.0.1:8080")
    URI gatewayUrl();

    /** How long one API call may take before the page shows that the part is unavailable. */
    @WithDefault("10s")
    Duration apiTimeout();

    /** Rows a list page shows at once (the API allows 1 to 200). */
    @WithDefault("25")
    int pageSize();

    /** The time zone dates and times are shown in, and in which "today" begins for the day plan. */
    @WithDefault("Europe/Berlin")
    java.time.ZoneId timeZone();
}
