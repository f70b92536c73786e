package crm.devstack;

/** The CRM's services as the devstack runs them: module, database and the port of a local run. */
public enum CrmService {
    CONTACTS("contacts-service", "contacts", 8081),
    LEADS("leads-service", "leads", 8082),
    TICKETS("tickets-service", "tickets", 8083),
    ANALYTICS("analytics-service", "analytics", 8084),
    GATEWAY("gateway", null, 8080),
    /** The staff web console; it calls the API through the gateway with each user's own token. */
    CONSOLE("console", null, 8085);

    private final String module;
    private final String database;
    private final int localPort;

    CrmService(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    /** The service's own database, or null for the gateway and the console. */
    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    /** The gateway setting that names this service's base URL. */
    public String gatewayUrlProperty() {
        return "crm.gateway." + name().toLowerCase(java.util.Locale.ROOT) + "-url";
    }
}
