package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The customer overview for apps: one contact with its recent timeline, open leads, opportunities and
 * tickets and its value figures, fetched from the owning services in parallel with the caller's token.
 * Each part has its own short timeout; a part that fails is named in {@code missing} instead of failing
 * the whole overview, so an app still shows what it can.
 */
@Singleton
public class CustomerOverview {

    static final String CONTACT = "contact";

    /** Leads still in somebody's work queue: every status but converted and disqualified. */
    private static final String OPEN_LEAD_STATUSES = "&status=new&status=contacted&status=qualified&status=nurture";

    static final List<CompositePart> PARTS = List.of(
            new CompositePart(CONTACT, "contacts-service", "/api/v1/contacts/{id}"),
            new CompositePart("timeline", "contacts-service", "/api/v1/contacts/{id}/timeline?limit=10"),
            new CompositePart("openLeads", "leads-service", "/api/v1/leads?contactId={id}" + OPEN_LEAD_STATUSES),
            new CompositePart("openOpportunities", "leads-service", "/api/v1/opportunities?contactId={id}&status=open"),
            new CompositePart("openTickets", "tickets-service", "/api/v1/tickets?contactId={id}&status=open"),
            new CompositePart("value", "analytics-service", "/api/v1/analytics/customers/{id}/value"));

    private final PartFetcher parts;
    private final long partTimeoutMillis;

    @Inject
    public CustomerOverview(PartFetcher parts, GatewayConfig config) {
        this.parts = parts;
        this.partTimeoutMillis = config.overview().partTimeout().toMillis();
    }

    /** Every part's outcome, the contact's first; the future never fails. */
    public Future<List<PartOutcome>> gather(String contactId, String authorization, Correlation correlation) {
        String encodedId = PartFetcher.encode(contactId);
        MultiMap headers = PartFetcher.headersFor(authorization, correlation);
        List<Future<PartOutcome>> outcomes = PARTS.stream()
                .map(part -> parts.fetch(part, part.uriFor(encodedId), headers, partTimeoutMillis)).toList();
        return Future.join(outcomes).map(all -> outcomes.stream().map(Future::result).toList());
    }

    /** The overview document: each present part under its name, the others listed in {@code missing}. */
    public static JsonObject document(String contactId, List<PartOutcome> outcomes) {
        JsonObject overview = new JsonObject().put("contactId", contactId);
        JsonArray missing = new JsonArray();
        for (PartOutcome outcome : outcomes) {
            if (outcome.present()) {
                overview.put(outcome.partName(), Json.decodeValue(outcome.body()));
            } else {
                missing.add(outcome.missingEntry());
            }
        }
        return overview.put("missing", missing);
    }
}
