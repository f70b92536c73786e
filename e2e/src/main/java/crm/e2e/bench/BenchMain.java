package crm.e2e.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./crm bench [scenario...] [options]}: runs the benchmark scenarios against a CRM (a throwaway
 * one, or the running one with {@code --reuse}) and writes {@code docs/benchmarks.md}. Not a test: nothing
 * here asserts; the report states each figure beside its baseline and the target the issues set.
 */
public final class BenchMain {

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "gateway", new GatewayOverheadScenario(),
            "create-contact", new CreateContactScenario(),
            "propagation", new EventPropagationScenario(),
            "search", new ContactSearchScenario(),
            "import", new ContactImportScenario(),
            "analytics", new AnalyticsScenario());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        BenchOptions options;
        try {
            options = BenchOptions.parse(root, rest);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Machine machine = Machine.current();
        ZonedDateTime started = ZonedDateTime.now();
        double loadBefore = Machine.loadAverage();
        System.out.println("Benchmarks on " + machine.describe());
        List<ScenarioResult> results = new ArrayList<>();
        BenchSystem system = options.reuse() ? BenchSystem.reuseRunning(root) : BenchSystem.startFresh(root);
        try (HttpCalls http = new HttpCalls()) {
            BenchContext context = new BenchContext(options, system, http);
            for (String name : options.scenarios()) {
                Scenario scenario = SCENARIOS.get(name);
                System.out.println("\n== " + name);
                long t0 = System.nanoTime();
                ScenarioResult result;
                try {
                    result = scenario.run(context);
                } catch (Exception | AssertionError e) {
                    e.printStackTrace();
                    result = new ScenarioResult(name, name).skip("the run failed: " + e);
                }
                results.add(result);
                // Written after every scenario, so a long run that is stopped still leaves what it measured.
                writeReport(options, machine, started, loadBefore, system, results, rest);
                System.out.printf("   %s done in %d s%s%n", name, (System.nanoTime() - t0) / 1_000_000_000L,
                        result.skipped() == null ? "" : " (not available: " + result.skipped() + ")");
            }
        } finally {
            system.close();
            system.deleteData();
        }
        writeReport(options, machine, started, loadBefore, system, results, rest);
        System.out.println("\nReport written to " + root.relativize(options.output()));
        System.exit(0);
    }

    private static void writeReport(BenchOptions options, Machine machine, ZonedDateTime started, double loadBefore,
                                    BenchSystem system, List<ScenarioResult> results, String[] args)
            throws IOException {
        String command = "./crm bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
        BenchmarkReport.write(options.output(), options, machine, started, loadBefore, Machine.loadAverage(),
                system.reused(), results, command);
    }
}
