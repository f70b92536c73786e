package crm.e2e.bench;

import crm.devstack.CrmService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Issue 7: {@code GET /api/v1/contacts/{id}} through the gateway against the same GET sent straight to
 * contacts-service, same token, same contact. After an unmeasured warm-up of both paths, maximum
 * throughput from the closed model, alternating the two paths twice so that a drift of the shared machine
 * hits both, with the CPU each process spent per request; p50/p99 from the open model at one rate, half
 * the gateway's maximum, for both.
 */
final class GatewayOverheadScenario implements Scenario {

    private static final int ROUNDS = 2;
    private static final int MAX_WARM_UP_PASSES = 8;
    private static final double STEADY = 0.05;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "1. Gateway: a GET through the gateway vs straight to the service");
        BenchTenant tenant = context.newTenant("gateway");
        String contactId = Contacts.create(context, tenant.token(), "Gateway");
        String viaGateway = context.system().gatewayUrl() + Contacts.PATH + "/" + contactId;
        String direct = context.system().url(CrmService.CONTACTS) + Contacts.PATH + "/" + contactId;
        HttpCalls http = context.http();
        Duration phase = context.options().seconds();
        int workers = context.options().workers();

        PathRuns directRuns = new PathRuns(() -> Outcome.ofStatus(http.status(http.get(direct, tenant.token())), 200));
        PathRuns gatewayRuns = new PathRuns(() -> Outcome.ofStatus(http.status(http.get(viaGateway, tenant.token())), 200));
        ClosedModelLoad closed = new ClosedModelLoad(workers, Duration.ZERO, phase);
        int warmUpPasses = warmUp(closed, directRuns, gatewayRuns);

        ProcessCpu meter = context.system().processCpu(CrmService.GATEWAY, CrmService.CONTACTS);
        for (int round = 1; round <= ROUNDS; round++) {
            LoadResult lastDirect = directRuns.run(closed, meter);
            BenchContext.progress("round %d direct:  %.0f req/s (%s)", round, lastDirect.throughput(), lastDirect.outcome());
            LoadResult lastGateway = gatewayRuns.run(closed, meter);
            BenchContext.progress("round %d gateway: %.0f req/s (%s)", round, lastGateway.throughput(), lastGateway.outcome());
        }
        double gatewayMax = gatewayRuns.throughput();
        double directMax = directRuns.throughput();

        double rate = Math.max(1, Math.floor(gatewayMax / 2));
        OpenModelLoad open = new OpenModelLoad(rate, phase, 512, Duration.ofSeconds(30));
        LoadResult directOpen = open.run(asyncGet(http, direct, tenant));
        BenchContext.progress("open %.0f/s direct:  p50 %.2f ms p99 %.2f ms (%s)", rate, directOpen.latencies().p50(),
                directOpen.latencies().p99(), directOpen.outcome());
        LoadResult gatewayOpen = open.run(asyncGet(http, viaGateway, tenant));
        BenchContext.progress("open %.0f/s gateway: p50 %.2f ms p99 %.2f ms (%s)", rate, gatewayOpen.latencies().p50(),
                gatewayOpen.latencies().p99(), gatewayOpen.outcome());

        result
                .compares("`GET /api/v1/contacts/{id}` through the gateway (token checked, rate limit, proxy)",
                        "the same GET with the same token straight to contacts-service")
                .sizes(String.format(Locale.ROOT, "%d workers, %d x %d s per path (alternating, after %d unmeasured"
                        + " warm-up passes of the same length, %s) for throughput; open model at %.0f req/s for %d s"
                        + " per path", workers, ROUNDS, phase.toSeconds(), warmUpPasses,
                        warmUpPasses < MAX_WARM_UP_PASSES ? "when throughput was steady"
                                : "the most allowed: throughput had not steadied within 5%", rate, phase.toSeconds()))
                .add(Figure.of("max throughput", "req/s", gatewayMax, directMax, Target.ratioAtLeast(0.85)))
                .add(Figure.of("p50 at " + (long) rate + " req/s", "ms", gatewayOpen.latencies().p50(),
                        directOpen.latencies().p50(), null))
                .add(Figure.of("p99 at " + (long) rate + " req/s", "ms", gatewayOpen.latencies().p99(),
                        directOpen.latencies().p99(), null))
                .note("last round: gateway " + gatewayRuns.last.outcome() + ", direct " + directRuns.last.outcome()
                        + "; open model: gateway " + gatewayOpen.outcome() + ", direct " + directOpen.outcome());
        if (meter.measurable()) {
            result.add(Figure.of("CPU per request, all processes of the path", "ms", gatewayRuns.cpuPerRequest(),
                            directRuns.cpuPerRequest(), null))
                    .note("CPU per request in the throughput rounds, through the gateway: "
                            + gatewayRuns.cpuBreakdown() + "; straight: " + directRuns.cpuBreakdown()
                            + ". On a shared machine the throughput ratio follows these: every process of the"
                            + " path competes for the same cores.");
        }
        return result;
    }

    /**
     * The services run with the full JIT, as in production, and on two shared cores C2 needs minutes to
     * compile a path's hot code; measured before that, a ratio says more about the compiler's progress than
     * about the gateway. So both paths are loaded, unmeasured, until their throughput stops rising (within
     * {@value #STEADY}, pass to pass) or {@value #MAX_WARM_UP_PASSES} passes have run.
     *
     * @return the passes it took
     */
    private static int warmUp(ClosedModelLoad closed, PathRuns direct, PathRuns gateway) throws InterruptedException {
        double directBefore = 0;
        double gatewayBefore = 0;
        for (int pass = 1; pass <= MAX_WARM_UP_PASSES; pass++) {
            double directNow = closed.run(direct.request).throughput();
            double gatewayNow = closed.run(gateway.request).throughput();
            BenchContext.progress("warm-up %d: direct %.0f req/s, gateway %.0f req/s", pass, directNow, gatewayNow);
            if (steady(directBefore, directNow) && steady(gatewayBefore, gatewayNow)) {
                return pass;
            }
            directBefore = directNow;
            gatewayBefore = gatewayNow;
        }
        return MAX_WARM_UP_PASSES;
    }

    private static boolean steady(double before, double now) {
        return before > 0 && Math.abs(now - before) <= STEADY * before;
    }

    /** The closed-model rounds of one path, and the CPU its processes used per request. */
    private static final class PathRuns {

        private final Callable<Outcome> request;
        private final Map<String, Duration> cpu = new LinkedHashMap<>();
        private double throughputSum;
        private long requests;
        private int rounds;
        private LoadResult last;

        PathRuns(Callable<Outcome> request) {
            this.request = request;
        }

        LoadResult run(ClosedModelLoad load, ProcessCpu meter) throws InterruptedException {
            Map<String, Duration> before = meter.read();
            last = load.run(request);
            meter.since(before).forEach((process, used) -> cpu.merge(process, used, Duration::plus));
            requests += last.ok() + last.failures();
            throughputSum += last.throughput();
            rounds++;
            return last;
        }

        double throughput() {
            return throughputSum / rounds;
        }

        double cpuPerRequest() {
            return cpu.values().stream().mapToDouble(this::millisPerRequest).sum();
        }

        String cpuBreakdown() {
            StringBuilder text = new StringBuilder();
            cpu.forEach((process, used) -> text.append(text.isEmpty() ? "" : ", ").append(process).append(' ')
                    .append(Figure.format(millisPerRequest(used))).append(" ms"));
            return text.toString();
        }

        private double millisPerRequest(Duration used) {
            return used.toNanos() / 1e6 / Math.max(1, requests);
        }
    }

    static Supplier<CompletableFuture<Outcome>> asyncGet(HttpCalls http, String url, BenchTenant tenant) {
        return () -> http.statusAsync(http.get(url, tenant.token())).thenApply(status -> Outcome.ofStatus(status, 200));
    }
}
