package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which service owns a request path. Anything not listed here is unknown to the gateway. */
@Singleton
public class RouteTable {

    static final String API = "/api/v1/";
    static final String PUBLIC_FORMS = "/public/v1/forms";

    private final Map<String, Downstream> apiResources;
    private final Downstream publicForms;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(Downstream.of("contacts-service", config.contactsUrl()),
                Downstream.of("leads-service", config.leadsUrl()),
                Downstream.of("tickets-service", config.ticketsUrl()),
                Downstream.of("analytics-service", config.analyticsUrl()));
    }

    public RouteTable(Downstream contacts, Downstream leads, Downstream tickets, Downstream analytics) {
        Map<String, Downstream> resources = new HashMap<>();
        List.of("contacts", "companies", "interactions", "tasks", "purchases", "privacy")
                .forEach(r -> resources.put(r, contacts));
        List.of("leads", "opportunities", "products", "campaigns", "forms").forEach(r -> resources.put(r, leads));
        List.of("tickets", "queues", "sla-policies", "articles").forEach(r -> resources.put(r, tickets));
        resources.put("analytics", analytics);
        this.apiResources = Map.copyOf(resources);
        this.publicForms = leads;
    }

    /** The owner of a (normalised) path: the first segment after {@code /api/v1/} decides. */
    public Optional<Downstream> resolve(String path) {
        if (path.startsWith(API)) {
            int end = path.indexOf('/', API.length());
            String resource = path.substring(API.length(), end < 0 ? path.length() : end);
            return Optional.ofNullable(apiResources.get(resource));
        }
        if (path.equals(PUBLIC_FORMS) || path.startsWith(PUBLIC_FORMS + "/")) {
            return Optional.of(publicForms);
        }
        return Optional.empty();
    }

    /**
     * Whether a raw path has a {@code .} or {@code ..} segment, also percent-encoded. Such a path could
     * leave the resource it was routed and authorised by once a service normalises it, so it is refused
     * rather than forwarded.
     */
    public static boolean hasDotSegments(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
