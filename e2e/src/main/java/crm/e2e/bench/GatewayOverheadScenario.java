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
 * contacts-service, same token, same contact. After a {@link WarmUp} of both paths, maximum
 * throughput from the closed model, alternating the two paths twice so that a drift of the shared machine
 * hits both, with the CPU each process spent per request; p50/p99 from the open model at one rate, half
 * the gateway's maximum, for both.
 */
final class GatewayOverheadScenario implements Scenario {

    private static final int ROUNDS = 2;

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

        MeasuredRuns directRuns = new MeasuredRuns(() -> Outcome.ofStatus(http.status(http.get(direct, tenant.token())), 200));
        MeasuredRuns gatewayRuns = new MeasuredRuns(() -> Outcome.ofStatus(http.status(http.get(viaGateway, tenant.token())), 200));
        ClosedModelLoad closed = new ClosedModelLoad(workers, Duration.ZERO, phase);
        Map<String, Callable<Outcome>> paths = new LinkedHashMap<>();
        paths.put("direct", directRuns.request());
        paths.put("gateway", gatewayRuns.request());
        WarmUp warmUp = WarmUp.untilSteady(closed, paths);

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
                .sizes(String.format(Locale.ROOT, "%d workers, %d x %d s per path (alternating, after %s) for"
                        + " throughput; open model at %.0f req/s for %d s per path", workers, ROUNDS,
                        phase.toSeconds(), warmUp.describe(), rate, phase.toSeconds()))
                .add(Figure.of("max throughput", "req/s", gatewayMax, directMax, Target.ratioAtLeast(0.85)))
                .add(Figure.of("p50 at " + (long) rate + " req/s", "ms", gatewayOpen.latencies().p50(),
                        directOpen.latencies().p50(), null))
                .add(Figure.of("p99 at " + (long) rate + " req/s", "ms", gatewayOpen.latencies().p99(),
                        directOpen.latencies().p99(), null))
                .note("last round: gateway " + gatewayRuns.last().outcome() + ", direct " + directRuns.last().outcome()
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

    static Supplier<CompletableFuture<Outcome>> asyncGet(HttpCalls http, String url, BenchTenant tenant) {
        return () -> http.statusAsync(http.get(url, tenant.token())).thenApply(status -> Outcome.ofStatus(status, 200));
    }
}
