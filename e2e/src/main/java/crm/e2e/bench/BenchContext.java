package crm.e2e.bench;

/** What every scenario gets: the options, the system under test and an HTTP client. */
record BenchContext(BenchOptions options, BenchSystem system, HttpCalls http) {

    BenchTenant newTenant(String purpose) {
        return BenchTenant.create(system.keycloak(), purpose);
    }

    /** Progress on the console, so a long run shows it is alive. */
    static void progress(String format, Object... args) {
        System.out.printf("  " + format + "%n", args);
    }
}
