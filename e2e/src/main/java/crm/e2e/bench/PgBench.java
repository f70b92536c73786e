package crm.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own load tool, run as a process against the service's database: {@code -T} seconds with
 * {@code -c} clients for maximum throughput, or throttled to a rate ({@code -R}) with a per-transaction
 * log, whose latencies (transaction time plus schedule lag, i.e. from the intended start like our open
 * model) give the percentiles.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final String executable;

    private PgBench(String executable) {
        this.executable = executable;
    }

    /** The {@code pgbench} on the PATH (Debian: package postgresql-client), if there is one. */
    static Optional<PgBench> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new PgBench(candidate.toString()));
            }
        }
        return Optional.empty();
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Closed model: transactions per second of {@code clients} connections for {@code duration}. */
    double maxTps(BenchSystem system, String database, Path script, int clients, Duration duration)
            throws IOException, InterruptedException {
        String out = run(system, database, List.of("-n", "-f", script.toString(), "-c", String.valueOf(clients),
                "-j", "2", "-T", String.valueOf(duration.toSeconds())), duration);
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Open model: the latencies of transactions scheduled at {@code rate} per second, from the log. */
    LoadResult atRate(BenchSystem system, String database, Path script, int clients, double rate, Duration duration,
                      Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        try (Stream<Path> old = Files.list(logDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        String out = run(system, database, List.of("-n", "-f", script.toString(), "-c", String.valueOf(clients),
                "-j", "2", "-T", String.valueOf(duration.toSeconds()), "-R", String.valueOf(rate), "-l",
                "--log-prefix=" + logDir.resolve("pgbench")), duration);
        Histogram latencies = Latencies.newHistogram();
        long ok = 0;
        long failed = 0;
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    // client_id transaction_no time script_no time_epoch time_us [schedule_lag]
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length < 6) {
                        continue;
                    }
                    if (fields[2].equals("failed") || fields[2].equals("skipped")) {
                        failed++;
                        continue;
                    }
                    long micros = Long.parseLong(fields[2]) + (fields.length > 6 ? Long.parseLong(fields[6]) : 0);
                    latencies.recordValue(Math.max(1, micros));
                    ok++;
                }
            }
        }
        if (ok == 0) {
            throw new IllegalStateException("pgbench logged no transaction:\n" + out);
        }
        return new LoadResult(rate, ok / (double) duration.toSeconds(), Latencies.of(latencies), ok, failed,
                Map.of());
    }

    private String run(BenchSystem system, String database, List<String> options, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-h", "127.0.0.1",
                "-p", String.valueOf(system.postgresPort()), "-U", database));
        command.addAll(options);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        return out;
    }
}
