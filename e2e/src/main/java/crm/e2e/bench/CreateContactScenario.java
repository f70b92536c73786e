package crm.e2e.bench;

import crm.devstack.CrmService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Issue 9: {@code POST /api/v1/contacts} through the gateway against pgbench inserting the identical row
 * into the same table of the same database (a JDBC insert loop, labelled so, where no pgbench is found).
 * Maximum throughput from the closed model, the CRM's after a {@link WarmUp}; p50/p99 from the open
 * model at one rate for both.
 */
final class CreateContactScenario implements Scenario {

    private static final String DATABASE = "contacts";

    @Override
    public String name() {
        return "create-contact";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "2. Create contact: through the gateway vs an insert of the same row");
        BenchTenant tenant = context.newTenant("create");
        HttpCalls http = context.http();
        String url = context.system().gatewayUrl() + Contacts.PATH;
        Duration phase = context.options().seconds();
        int workers = context.options().workers();

        MeasuredRuns crmRuns = new MeasuredRuns(
                () -> Outcome.ofStatus(http.status(http.postJson(url, tenant.token(), Contacts.uniqueBody("Create"))), 201));
        ClosedModelLoad closed = new ClosedModelLoad(workers, Duration.ZERO, phase);
        WarmUp warmUp = WarmUp.untilSteady(closed, Map.of("create", crmRuns.request()));
        // Every service that consumes contact events works for each create too, so all of them are metered.
        ProcessCpu meter = context.system().processCpu(CrmService.GATEWAY, CrmService.CONTACTS, CrmService.LEADS,
                CrmService.TICKETS, CrmService.ANALYTICS);
        LoadResult crmMax = crmRuns.run(closed, meter);
        BenchContext.progress("CRM max: %.0f contacts/s (%s)", crmMax.throughput(), crmMax.outcome());
        double rate = Math.max(1, Math.floor(crmMax.throughput() / 2));
        LoadResult crmOpen = new OpenModelLoad(rate, phase, 512, Duration.ofSeconds(30))
                .run(() -> http.statusAsync(http.postJson(url, tenant.token(), Contacts.uniqueBody("Create")))
                        .thenApply(status -> Outcome.ofStatus(status, 201)));
        BenchContext.progress("CRM at %.0f/s: p50 %.2f ms p99 %.2f ms (%s)", rate, crmOpen.latencies().p50(),
                crmOpen.latencies().p99(), crmOpen.outcome());

        Optional<PgBench> pgbench = PgBench.find();
        double baselineMax;
        LoadResult baselineOpen;
        String baseline;
        if (pgbench.isPresent()) {
            Path work = context.system().workDir("pgbench");
            Path script = Files.writeString(work.resolve("insert-contact.sql"), ContactInsertSql.pgbenchScript(tenant.id()));
            baselineMax = pgbench.get().maxTps(context.system(), DATABASE, script, workers, phase);
            BenchContext.progress("pgbench max: %.0f inserts/s", baselineMax);
            baselineOpen = pgbench.get().atRate(context.system(), DATABASE, script, workers, rate, phase,
                    work.resolve("log"));
            BenchContext.progress("pgbench at %.0f/s: p50 %.2f ms p99 %.2f ms", rate, baselineOpen.latencies().p50(),
                    baselineOpen.latencies().p99());
            baseline = "`" + pgbench.get().version() + "` inserting the identical row into the same `contact` table"
                    + " (same database, tenant-scoped transaction under the same row-level security), "
                    + workers + " clients";
        } else {
            JdbcInserts inserts = new JdbcInserts(context.system(), tenant.id(), workers);
            try {
                baselineMax = new ClosedModelLoad(workers, Duration.ofSeconds(3), phase).run(inserts::insert).throughput();
                baselineOpen = new OpenModelLoad(rate, phase, 512, Duration.ofSeconds(30)).run(inserts::insertAsync);
            } finally {
                inserts.close();
            }
            baseline = "**JDBC insert loop (no pgbench found on the PATH)** inserting the identical row into the same"
                    + " `contact` table, " + workers + " connections";
        }
        result
                .compares("`POST /api/v1/contacts` through the gateway (token, validation, duplicate check, insert"
                        + " and outbox event in one transaction)", baseline)
                .sizes(String.format(Locale.ROOT, "%d workers x %d s for throughput (the CRM after %s);"
                        + " open model at %.0f/s for %d s", workers, phase.toSeconds(), warmUp.describe(), rate,
                        phase.toSeconds()))
                .add(Figure.of("max throughput", "creates/s", crmMax.throughput(), baselineMax, null))
                .add(Figure.of("p50 at " + (long) rate + "/s", "ms", crmOpen.latencies().p50(), baselineOpen.latencies().p50(), null))
                .add(Figure.of("p99 at " + (long) rate + "/s", "ms", crmOpen.latencies().p99(), baselineOpen.latencies().p99(), null))
                .note("CRM: " + crmMax.outcome() + " at maximum, " + crmOpen.outcome() + " at the fixed rate")
                .note("The baseline writes the contact row only: no HTTP, no token check, no duplicate check, no"
                        + " outbox row. The ratio is what the API's work around the insert costs.");
        if (meter.measurable()) {
            result.add(Figure.alone("CPU per create, all processes", "ms", crmRuns.cpuPerRequest(), null))
                    .note("CPU per create in the CRM's throughput phase: " + crmRuns.cpuBreakdown() + ". The"
                            + " services other than the gateway and contacts-service consume the contact-created"
                            + " event each create publishes.");
        }
        return result;
    }

    /** The fallback baseline: inserts over JDBC, one connection per worker. */
    private static final class JdbcInserts implements AutoCloseable {

        private final String tenant;
        private final BlockingQueue<Connection> connections;
        private final List<Connection> all = new ArrayList<>();
        private final ExecutorService executor;

        JdbcInserts(BenchSystem system, String tenant, int size) throws Exception {
            this.tenant = tenant;
            this.connections = new ArrayBlockingQueue<>(size);
            for (int i = 0; i < size; i++) {
                Connection connection = system.connectAsService(DATABASE);
                all.add(connection);
                connections.add(connection);
            }
            this.executor = Executors.newFixedThreadPool(size);
        }

        Outcome insert() throws Exception {
            Connection connection = connections.take();
            try {
                ContactInsertSql.insert(connection, tenant);
                return Outcome.SUCCESS;
            } finally {
                connections.add(connection);
            }
        }

        CompletableFuture<Outcome> insertAsync() {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return insert();
                } catch (Exception e) {
                    return Outcome.NO_ANSWER;
                }
            }, executor);
        }

        @Override
        public void close() throws Exception {
            executor.shutdownNow();
            for (Connection connection : all) {
                connection.close();
            }
        }
    }
}
