package crm.analytics.rest;

/** Who may use the reports: every staff role reads; personal-data exports need manager or admin. */
final class Roles {

    static final String ADMIN = "admin";
    static final String MANAGER = "manager";
    static final String AGENT = "agent";

    private Roles() {
    }
}
