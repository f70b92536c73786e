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
    /** The gateway's own composite resource; no service owns it. */
    static final String CUSTOMERS = "/api/v1/customers/";
    /** The staff web console's pages and assets; the site root leads there too. */
    static final String CONSOLE = "/console";

    private final Map<String, Downstream> apiResources;
    private final Downstream publicForms;
    private final Downstream console;
    private final List<Downstream> services;
    private final List<Downstream> downstreams;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(Downstream.of("contacts-service", config.contactsUrl()),
                Downstream.of("leads-service", config.leadsUrl()),
                Downstream.of("tickets-service", config.ticketsUrl()),
                Downstream.of("analytics-service", config.analyticsUrl()),
                Downstream.of("console", config.consoleUrl()));
    }

    public RouteTable(Downstream contacts, Downstream leads, Downstream tickets, Downstream analytics,
                      Downstream console) {
        Map<String, Downstream> resources = new HashMap<>();
        List.of("contacts", "companies", "interactions", "tasks", "purchases", "privacy")
                .forEach(r -> resources.put(r, contacts));
        List.of("leads", "opportunities", "products", "campaigns", "forms").forEach(r -> resources.put(r, leads));
        List.of("tickets", "queues", "sla-policies", "articles").forEach(r -> resources.put(r, tickets));
        resources.put("analytics", analytics);
        this.apiResources = Map.copyOf(resources);
        this.publicForms = leads;
        this.console = console;
        this.services = List.of(contacts, leads, tickets, analytics);
        this.downstreams = List.of(contacts, leads, tickets, analytics, console);
    }

    /** Every service behind the gateway's API, contacts-service first; the console serves pages, not API. */
    public List<Downstream> services() {
        return services;
    }

    /** Everything the gateway forwards to: the API's services and the console. */
    public List<Downstream> downstreams() {
        return downstreams;
    }

    /** The service of this name, e.g. {@code leads-service}. */
    public Downstream service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service is named " + name));
    }

    /** The owner of a (normalised) path: the first segment after {@code /api/v1/} decides. */
    public Optional<Downstream> resolve(String path) {
        if (path.startsWith(API)) {
            return Optional.ofNullable(apiResources.get(resourceOf(path)));
        }
        if (isPublicForm(path)) {
            return Optional.of(publicForms);
        }
        if (isConsole(path)) {
            return Optional.of(console);
        }
        return Optional.empty();
    }

    /**
     * A name for the path that does not grow with ids or with what callers invent, for metric labels:
     * {@code /api/v1/contacts/7/timeline} is {@code /api/v1/contacts/*}. Null for a path outside
     * {@code /api} and {@code /public}.
     */
    public String templateOf(String path) {
        if (path.startsWith(CUSTOMERS) && path.endsWith("/overview")) {
            return CUSTOMERS + "{contactId}/overview";
        }
        if (path.startsWith(API)) {
            String resource = resourceOf(path);
            if (!apiResources.containsKey(resource)) {
                return API + "{unknown}";
            }
            return API + resource + (path.length() > API.length() + resource.length() + 1 ? "/*" : "");
        }
        if (isPublicForm(path)) {
            return path.length() > PUBLIC_FORMS.length() + 1 ? PUBLIC_FORMS + "/*" : PUBLIC_FORMS;
        }
        if (path.startsWith("/api/") || path.startsWith("/public/")) {
            return path.substring(0, path.indexOf('/', 1)) + "/{unknown}";
        }
        if (isConsole(path)) {
            return path.equals("/") || path.equals(CONSOLE) ? path : CONSOLE + "/*";
        }
        return null;
    }

    private static String resourceOf(String apiPath) {
        int end = apiPath.indexOf('/', API.length());
        return apiPath.substring(API.length(), end < 0 ? apiPath.length() : end);
    }

    private static boolean isPublicForm(String path) {
        return path.equals(PUBLIC_FORMS) || path.startsWith(PUBLIC_FORMS + "/");
    }

    /** The site root and everything under {@code /console}. */
    private static boolean isConsole(String path) {
        return path.equals("/") || path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
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
