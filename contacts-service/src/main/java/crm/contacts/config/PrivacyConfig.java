package crm.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** GDPR erasure: which services must confirm before an erasure request counts as complete. */
@ConfigMapping(prefix = "crm.privacy")
public interface PrivacyConfig {

    /**
     * Services that hold personal data of contacts and answer crm.contact.erased.v1 with
     * crm.privacy.erasure-applied.v1 (their "service" field).
     */
    @WithDefault("leads-service,tickets-service,analytics-service")
    List<String> confirmingServices();
}
