package crm.e2e.bench;

/** One benchmark: a figure of the CRM beside a same-run baseline on the same machine. */
interface Scenario {

    /** The name on the command line, e.g. {@code gateway}. */
    String name();

    ScenarioResult run(BenchContext context) throws Exception;
}
