package crm.e2e.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue 3: {@code GET /api/v1/contacts?q=...} through the gateway over a tenant with a million contacts,
 * against the same query in plain SQL (the service's own statements, copied) on the same database. Both
 * run the same realistic terms in turn in the open model at the same rate, chosen from a warm-up so that
 * the service is not overloaded.
 */
final class ContactSearchScenario implements Scenario {

    /**
     * A common surname, a typo, first and last name, a partial e-mail, a city. The name and the e-mail are
     * of people {@link ContactLoader} generates (it pairs each first name with a few surnames only).
     */
    static final List<String> TERMS = List.of("Müller", "Schmitd", "Hannah Keller", "lena.becker", "Freiburg");
    private static final int CONNECTIONS = 4;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "4. Contact search: the API vs the same query in plain SQL");
        BenchTenant tenant = context.newTenant("search");
        long contacts = context.options().contacts();
        ContactLoader.load(context.system(), tenant.id(), contacts);
        HttpCalls http = context.http();
        String base = context.system().gatewayUrl() + Contacts.PATH + "?q=";

        // Warm-up, which also tells how long one search takes here, term by term.
        Map<String, Long> alone = new LinkedHashMap<>();
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            for (String term : TERMS) {
                long started = System.nanoTime();
                int status = http.status(http.get(base + encode(term), tenant.token()));
                if (status != 200) {
                    throw new IllegalStateException("search for '" + term + "' answered " + status);
                }
                alone.merge(term, System.nanoTime() - started, Long::sum);
            }
        }
        double meanSeconds = alone.values().stream().mapToLong(Long::longValue).sum() / 1e9 / (rounds * TERMS.size());
        StringBuilder perTerm = new StringBuilder();
        alone.forEach((term, nanos) -> perTerm.append(perTerm.isEmpty() ? "" : ", ").append(term).append(' ')
                .append(Figure.format(nanos / 1e6 / rounds)).append(" ms"));
        double rate = Math.max(0.5, Math.min(20, Math.floor(0.5 / meanSeconds * 10) / 10));
        Duration phase = context.options().seconds().multipliedBy(2);
        BenchContext.progress("one search takes %.1f ms when alone; measuring at %.1f/s for %d s", meanSeconds * 1000,
                rate, phase.toSeconds());

        AtomicLong next = new AtomicLong();
        LoadResult api = new OpenModelLoad(rate, phase, 256, Duration.ofSeconds(60)).run(() -> {
            String term = TERMS.get((int) (next.getAndIncrement() % TERMS.size()));
            return http.statusAsync(http.get(base + encode(term), tenant.token()))
                    .thenApply(status -> Outcome.ofStatus(status, 200));
        });
        BenchContext.progress("API: p50 %.1f ms p95 %.1f ms (%s)", api.latencies().p50(), api.latencies().p95(), api.outcome());
        LoadResult sql;
        try (SqlSearches searches = new SqlSearches(context.system(), tenant.id())) {
            for (String term : TERMS) {
                searches.searchNow(term);
            }
            next.set(0);
            sql = new OpenModelLoad(rate, phase, 256, Duration.ofSeconds(60)).run(
                    searches.async(() -> TERMS.get((int) (next.getAndIncrement() % TERMS.size()))));
        }
        BenchContext.progress("SQL: p50 %.1f ms p95 %.1f ms (%s)", sql.latencies().p50(), sql.latencies().p95(), sql.outcome());
        return result
                .compares("`GET /api/v1/contacts?q=<term>` through the gateway (default page of 50, relevance order)",
                        "the service's search statements (copied from ContactRepository: the literal matches first, the"
                                + " full search when they do not fill the page) over JDBC on the same database,"
                                + " in a tenant-scoped transaction, every row read, " + CONNECTIONS + " connections")
                .sizes(String.format(Locale.ROOT, "%,d contacts in the tenant; terms %s in turn; open model at %.1f"
                        + " searches/s for %d s per side", contacts, TERMS, rate, phase.toSeconds()))
                .add(Figure.of("p50", "ms", api.latencies().p50(), sql.latencies().p50(), null))
                .add(Figure.of("p95", "ms", api.latencies().p95(), sql.latencies().p95(), Target.ratioAtMost(1.5)))
                .note("API: " + api.outcome() + "; SQL: " + sql.outcome())
                .note("One search through the API alone, mean of " + rounds + " before the measurement: " + perTerm
                        + ". A term that the contacts contain literally is answered from its literal matches; a typo"
                        + " takes the fuzzy search over every similar contact.")
                .note("Contacts were generated in PostgreSQL as the service's role under its row-level security"
                        + " (COPY is refused under RLS), with realistic repetition: a common surname matches about 1 in "
                        + ContactLoader.LAST_NAMES.length + " contacts.");
    }

    private static String encode(String term) {
        return URLEncoder.encode(term, StandardCharsets.UTF_8);
    }

    /** Searches over a few JDBC connections, for the open model. */
    private static final class SqlSearches implements AutoCloseable {

        private final String tenant;
        private final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
        private final List<Connection> all = new ArrayList<>();
        private final ExecutorService executor = Executors.newFixedThreadPool(CONNECTIONS);

        SqlSearches(BenchSystem system, String tenant) throws Exception {
            this.tenant = tenant;
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection connection = system.connectAsService("contacts");
                all.add(connection);
                connections.add(connection);
            }
        }

        int searchNow(String term) throws Exception {
            Connection connection = connections.take();
            try {
                return ContactSearchSql.search(connection, tenant, term);
            } finally {
                connections.add(connection);
            }
        }

        Supplier<CompletableFuture<Outcome>> async(Supplier<String> terms) {
            return () -> {
                String term = terms.get();
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        searchNow(term);
                        return Outcome.SUCCESS;
                    } catch (Exception e) {
                        return Outcome.NO_ANSWER;
                    }
                }, executor);
            };
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
