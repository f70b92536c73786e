package crm.e2e.bench;

import crm.devstack.CrmService;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Issue 9: from the API's commit of a new contact (its 201 through the gateway) until analytics-service
 * counts it, against a raw Kafka produce-to-consume round trip on the same broker. One contact at a time,
 * so each sample is one event's way through outbox, relay, Kafka, inbox and read model; the count is
 * polled every 2 ms straight at analytics-service.
 */
final class EventPropagationScenario implements Scenario {

    static final String COUNT = "/api/v1/analytics/contacts/count";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Override
    public String name() {
        return "propagation";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "3. Event propagation: API commit to analytics vs a raw Kafka round trip");
        BenchTenant tenant = context.newTenant("propagation");
        HttpCalls http = context.http();
        String countUrl = context.system().url(CrmService.ANALYTICS) + COUNT;
        HttpResponse<String> first = http.send(http.get(countUrl, tenant.token()));
        if (first.statusCode() == 404) {
            return result.skip("analytics-service has no " + COUNT + " (answered 404)");
        }
        int samples = context.options().samples();
        Histogram propagation = Latencies.newHistogram();
        long counted = HttpCalls.json(first).path("contacts").asLong();
        for (int i = -3; i < samples; i++) {
            Contacts.create(context, tenant.token(), "Propagation");
            long committed = System.nanoTime();
            long expected = ++counted;
            while (count(http, countUrl, tenant) < expected) {
                if (System.nanoTime() - committed > GIVE_UP_NANOS) {
                    throw new IllegalStateException("contact " + expected + " did not reach analytics within 60 s");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            if (i >= 0) {
                propagation.recordValue(Math.max(1, (System.nanoTime() - committed) / 1000));
            }
        }
        Latencies crm = Latencies.of(propagation);
        BenchContext.progress("API to analytics: p50 %.1f ms p95 %.1f ms", crm.p50(), crm.p95());
        Latencies kafka = KafkaRoundTrip.measure(context.system().kafkaBootstrap(), samples);
        BenchContext.progress("Kafka round trip: p50 %.1f ms p95 %.1f ms", kafka.p50(), kafka.p95());
        return result
                .compares("a contact created through the gateway (201 = committed) until `GET " + COUNT + "` on"
                        + " analytics-service counts it: outbox, relay, Kafka, inbox, read model",
                        "one message produced (acks=all, idempotent) and consumed by an already polling consumer on"
                                + " the same broker")
                .sizes(samples + " sequential samples each, after 3 unmeasured ones")
                .add(Figure.of("p50", "ms", crm.p50(), kafka.p50(), null))
                .add(Figure.of("p95", "ms", crm.p95(), kafka.p95(), null))
                .add(Figure.of("max", "ms", crm.max(), kafka.max(), null))
                .note("The CRM's samples include up to 2 ms of polling granularity and the count request itself.");
    }

    private static long count(HttpCalls http, String url, BenchTenant tenant) throws Exception {
        HttpResponse<String> answer = http.send(http.get(url, tenant.token()));
        return answer.statusCode() == 200 ? HttpCalls.json(answer).path("contacts").asLong() : -1;
    }
}
