package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything the CRM holds about one person (GDPR Art. 15 and 20) in one document: every service's own
 * export, fetched in parallel from its internal {@code /privacy/v1/subjects/{id}/export} with the
 * caller's token, so that each service applies its own tenant and unit scoping. A service that fails or
 * is slow is named in {@code missing}; the person's data held elsewhere is still delivered, and the
 * administrator can see which part to ask for again.
 */
@Singleton
public class PrivacyExport {

    /** contacts-service first: its answer decides whether the person exists for the caller. */
    static final List<CompositePart> PARTS = List.of(
            part("contacts-service"), part("leads-service"), part("tickets-service"), part("analytics-service"));

    private final PartFetcher parts;
    private final long partTimeoutMillis;
    private final Clock clock;

    @Inject
    public PrivacyExport(PartFetcher parts, GatewayConfig config) {
        this(parts, config.privacy().partTimeout().toMillis(), Clock.systemUTC());
    }

    PrivacyExport(PartFetcher parts, long partTimeoutMillis, Clock clock) {
        this.parts = parts;
        this.partTimeoutMillis = partTimeoutMillis;
        this.clock = clock;
    }

    private static CompositePart part(String service) {
        return new CompositePart(service, service, "/privacy/v1/subjects/{id}/export");
    }

    /** Every service's outcome, contacts-service's first; the future never fails. */
    public Future<List<PartOutcome>> gather(String contactId, String authorization, Correlation correlation) {
        String encodedId = PartFetcher.encode(contactId);
        MultiMap headers = PartFetcher.headersFor(authorization, correlation);
        List<Future<PartOutcome>> outcomes = PARTS.stream()
                .map(part -> parts.fetch(part, part.uriFor(encodedId), headers, partTimeoutMillis)).toList();
        return Future.join(outcomes).map(all -> outcomes.stream().map(Future::result).toList());
    }

    /** The export document: each service's export under its name, the others listed in {@code missing}. */
    public JsonObject document(String contactId, List<PartOutcome> outcomes) {
        JsonObject services = new JsonObject();
        JsonArray missing = new JsonArray();
        for (PartOutcome outcome : outcomes) {
            if (outcome.present()) {
                services.put(outcome.serviceName(), Json.decodeValue(outcome.body()));
            } else {
                missing.add(outcome.missingEntry());
            }
        }
        return new JsonObject()
                .put("subjectId", contactId)
                .put("exportedAt", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString())
                .put("services", services)
                .put("missing", missing);
    }
}
