package crm.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes {@code docs/benchmarks.md}: every figure, its baseline beside it, the ratio, and the machine. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void write(Path file, BenchOptions options, Machine machine, ZonedDateTime started, double loadBefore,
                      double loadAfter, boolean reused, List<ScenarioResult> results, String command)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Written by `").append(command).append("` (see README, \"Benchmarks\"). Every figure of the CRM")
                .append(" stands beside a baseline measured in the same run on the same machine, and the ratio is")
                .append(" always CRM / baseline.\n\n")
                .append("| | |\n|---|---|\n")
                .append("| date | ").append(started.withZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append(" |\n")
                .append("| machine | ").append(machine.describe()).append(" |\n")
                .append("| load average (1 min) | ").append(Figure.format(loadBefore)).append(" before, ")
                .append(Figure.format(loadAfter)).append(" after the run |\n")
                .append("| system | ").append(reused ? "the running `./crm up` (its settings, incl. rate limits)"
                        : "started for the run like `./crm up` (processes, packaged jars, durable PostgreSQL),"
                        + " but each service JVM as a pod runs it (full JIT, 288 MiB heap), gateway rate limits"
                        + " raised so they do not cap the load").append(" |\n")
                .append("| sizes | ").append(String.format(Locale.ROOT,
                        "%,d contacts searched, %,d CSV rows imported, %,d analytics events, %d propagation samples,"
                                + " %d s per load phase, %d workers in maximum-throughput phases",
                        options.contacts(), options.importRows(), options.events(), options.samples(),
                        options.seconds().toSeconds(), options.workers())).append(" |\n\n")
                .append("How the load is made: maximum throughput comes from the closed model (a fixed number of")
                .append(" workers, each sending its next request when the previous one is answered). Latency")
                .append(" percentiles come from the open model: requests are scheduled at a constant arrival rate")
                .append(" and each latency is measured from the request's intended start, so a stall shows up in")
                .append(" the percentiles instead of lowering the rate (no coordinated omission); recorded in")
                .append(" HdrHistogram. The load generator runs on the same machine and shares its cores.\n");
        for (ScenarioResult result : results) {
            md.append("\n## ").append(result.title()).append("\n\n");
            if (result.skipped() != null) {
                md.append("**Not available**: ").append(result.skipped()).append("\n");
                continue;
            }
            md.append("- CRM: ").append(result.crmSide()).append("\n")
                    .append("- baseline: ").append(result.baselineSide()).append("\n");
            if (!result.sizes().isEmpty()) {
                md.append("- size: ").append(result.sizes()).append("\n");
            }
            md.append("\n| figure | CRM | baseline | ratio | target | |\n|---|---:|---:|---:|---|---|\n");
            for (Figure figure : result.figures()) {
                Double ratio = figure.ratio();
                md.append("| ").append(figure.name()).append(" (").append(figure.unit()).append(") | ")
                        .append(Figure.format(figure.value())).append(" | ")
                        .append(figure.baseline() == null ? "" : Figure.format(figure.baseline())).append(" | ")
                        .append(ratio == null ? "" : String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ")
                        .append(figure.target() == null ? "" : figure.target().describe(figure.unit())).append(" | ")
                        .append(figure.verdict()).append(" |\n");
            }
            if (!result.notes().isEmpty()) {
                md.append("\n");
                result.notes().forEach(note -> md.append("- ").append(note).append("\n"));
            }
        }
        List<String> done = results.stream().map(ScenarioResult::name).toList();
        for (String asked : options.scenarios()) {
            if (!done.contains(asked)) {
                md.append("\n## ").append(asked).append("\n\n**Not run yet**: the run had not reached this scenario when"
                        + " this report was written (it is rewritten after every scenario).\n");
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }
}
