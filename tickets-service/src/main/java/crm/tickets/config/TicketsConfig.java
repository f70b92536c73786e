package crm.tickets.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "crm.tickets")
public interface TicketsConfig {

    /** How long after a ticket was resolved (or closed) it may still be reopened; later, a new ticket is needed. */
    @WithDefault("P7D")
    Duration reopenWindow();

    /** The largest attachment (bytes) whose metadata is accepted. */
    @WithDefault("26214400")
    long attachmentMaxBytes();

    /** The customer tier of a contact whose tags name none, and of a ticket without a known contact. */
    @WithDefault("standard")
    String defaultTier();
}
