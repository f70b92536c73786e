package crm.gateway.service;

import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One JSON line per request on the category {@value #CATEGORY}, for log shippers to index without
 * parsing free text. Query strings stay out: they can carry personal data.
 */
@Singleton
public class AccessLog {

    public static final String CATEGORY = "crm.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /**
     * @param tenant   the token's {@code tenant} claim, or null without a token
     * @param clientId the token's {@code azp} claim (the OIDC client), or null without a token
     * @param service  the service the request went to, or null when the gateway answered itself
     * @param complete false when the connection closed before the response was sent in full
     */
    public record Entry(String method, String path, int status, long durationMillis, String requestId,
                        String tenant, String clientId, String service, boolean complete) {

        JsonObject toJson() {
            JsonObject json = new JsonObject()
                    .put("method", method).put("path", path).put("status", status)
                    .put("durationMs", durationMillis).put("requestId", requestId);
            putIfPresent(json, "tenant", tenant);
            putIfPresent(json, "clientId", clientId);
            putIfPresent(json, "service", service);
            if (!complete) {
                json.put("aborted", true);
            }
            return json;
        }

        private static void putIfPresent(JsonObject json, String key, String value) {
            if (value != null) {
                json.put(key, value);
            }
        }
    }

    public void write(Entry entry) {
        LOG.info(entry.toJson().encode());
    }
}
