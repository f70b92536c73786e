package crm.e2e.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ./crm bench} was asked for. Sizes default to the issues' figures (1,000,000 contacts and
 * rows, 10,000,000 events); smaller ones make a quicker run and are named in the report.
 *
 * @param scenarios  the scenarios to run, in order; all when none was named
 * @param seconds    how long each measured load phase lasts
 * @param workers    concurrent workers of the closed-model (maximum throughput) phases
 * @param reuse      use the CRM that {@code ./crm up} runs instead of starting a throwaway one
 */
record BenchOptions(Path projectRoot, List<String> scenarios, long contacts, long importRows, long events,
                    int samples, Duration seconds, int workers, boolean reuse, Path output) {

    static final List<String> ALL = List.of("gateway", "create-contact", "propagation", "search", "import", "analytics");

    static final String USAGE = """
            usage: ./crm bench [scenario...] [options]
              scenarios: gateway create-contact propagation search import analytics (default: all)
              --contacts N   contacts searched in 'search' (default 1000000)
              --rows N       rows of the CSV in 'import' (default 1000000)
              --events N     events ingested in 'analytics' (default 10000000)
              --samples N    propagation samples in 'propagation' (default 50)
              --seconds N    length of each measured load phase (default 20)
              --workers N    concurrent workers of the maximum-throughput phases (default 8)
              --reuse        measure the CRM that './crm up' runs instead of starting a throwaway one
              --output FILE  where the report goes (default docs/benchmarks.md)""";

    static BenchOptions parse(Path projectRoot, String[] args) {
        List<String> scenarios = new ArrayList<>();
        long contacts = 1_000_000;
        long rows = 1_000_000;
        long events = 10_000_000;
        int samples = 50;
        int seconds = 20;
        int workers = 8;
        boolean reuse = false;
        Path output = projectRoot.resolve("docs/benchmarks.md");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--contacts" -> contacts = count(arg, args, ++i);
                case "--rows" -> rows = count(arg, args, ++i);
                case "--events" -> events = count(arg, args, ++i);
                case "--samples" -> samples = (int) count(arg, args, ++i);
                case "--seconds" -> seconds = (int) count(arg, args, ++i);
                case "--workers" -> workers = (int) count(arg, args, ++i);
                case "--reuse" -> reuse = true;
                case "--output" -> output = Path.of(value(arg, args, ++i)).toAbsolutePath();
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    String name = arg.toLowerCase(Locale.ROOT);
                    if (!ALL.contains(name)) {
                        throw new IllegalArgumentException("unknown scenario or option '" + arg + "'\n" + USAGE);
                    }
                    scenarios.add(name);
                }
            }
        }
        return new BenchOptions(projectRoot, scenarios.isEmpty() ? ALL : List.copyOf(scenarios), contacts, rows,
                events, samples, Duration.ofSeconds(seconds), workers, reuse, output);
    }

    private static String value(String option, String[] args, int at) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[at];
    }

    private static long count(String option, String[] args, int at) {
        String text = value(option, args, at).replace("_", "").replace(",", "");
        try {
            long n = Long.parseLong(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive whole number, not " + args[at]);
        }
    }
}
