package crm.e2e.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Loads request paths, unmeasured, until their throughput is steady. The services run with the full JIT,
 * as in production, and on two shared cores C2 needs minutes to compile a path's hot code; measured
 * before that, a figure says more about the compiler's progress than about the path. Each pass runs every
 * path once for a full closed-model phase; it ends when every path's throughput moved by at most
 * {@value #STEADY} from the pass before in {@value #STEADY_PASSES} passes in a row, or after
 * {@value #MAX_PASSES} passes. One such pass is not enough: while C2 compiles, the compiler takes the
 * cores the path would use, and two early passes can be equally slow (50 creates/s twice, where the same
 * path reached 118/s after more passes).
 */
final class WarmUp {

    static final int MAX_PASSES = 8;
    private static final double STEADY = 0.05;
    private static final int STEADY_PASSES = 2;

    private final int passes;

    private WarmUp(int passes) {
        this.passes = passes;
    }

    /** @param paths the requests to warm up, by the name progress lines show */
    static WarmUp untilSteady(ClosedModelLoad closed, Map<String, Callable<Outcome>> paths)
            throws InterruptedException {
        Map<String, Double> before = new LinkedHashMap<>();
        int steadyInARow = 0;
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            Map<String, Double> now = new LinkedHashMap<>();
            for (Map.Entry<String, Callable<Outcome>> path : paths.entrySet()) {
                now.put(path.getKey(), closed.run(path.getValue()).throughput());
            }
            BenchContext.progress("warm-up %d: %s", pass, describe(now));
            boolean steady = now.entrySet().stream()
                    .allMatch(e -> steady(before.getOrDefault(e.getKey(), 0.0), e.getValue()));
            steadyInARow = steady ? steadyInARow + 1 : 0;
            if (steadyInARow == STEADY_PASSES) {
                return new WarmUp(pass);
            }
            before.putAll(now);
        }
        return new WarmUp(MAX_PASSES);
    }

    private static boolean steady(double before, double now) {
        return before > 0 && Math.abs(now - before) <= STEADY * before;
    }

    private static String describe(Map<String, Double> throughput) {
        StringBuilder text = new StringBuilder();
        throughput.forEach((path, perSecond) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f/s", path, perSecond)));
        return text.toString();
    }

    /** For the report's sizes line: how many passes ran and whether throughput steadied. */
    String describe() {
        return passes + " unmeasured warm-up passes of the same length, "
                + (passes < MAX_PASSES ? "when throughput was steady"
                : "the most allowed: throughput had not steadied within 5% twice in a row");
    }
}
