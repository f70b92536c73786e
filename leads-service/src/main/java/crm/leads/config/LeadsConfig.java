package crm.leads.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.leads")
public interface LeadsConfig {

    Forms forms();

    Imports imports();

    interface Forms {
        /** The HMAC secret that signs a public form's renderedAt value; at least 16 characters, from a Secret in production. */
        String signingSecret();

        /** Where visitors reach the public form endpoints (the gateway), used in the embed snippet. */
        @WithDefault("http://localhost:8080")
        String publicBaseUrl();

        /** How long a served form may be submitted; an older renderedAt is treated like a bot's. */
        @WithDefault("24h")
        Duration maximumAge();
    }

    interface Imports {
        /** Rows captured per transaction. */
        @WithDefault("100")
        int batchSize();

        /** Rows one CSV file may have. */
        @WithDefault("20000")
        int maxRows();

        /** Per-row errors kept on a job; further failures are only counted. */
        @WithDefault("1000")
        int maxErrors();
    }
}
