package crm.e2e.bench;

import crm.devstack.CrmService;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Issue 6: events published straight to Kafka (generated CloudEvents of purchases, leads and tickets for
 * a few tenants and units) and how fast analytics-service ingests them, read from its consumer group's
 * committed offsets; then the p95 of every report endpoint. Baselines: {@code COPY} of the same events
 * into a raw events table in analytics-service's database, and each report's equivalent SQL over that
 * raw table.
 */
final class AnalyticsScenario implements Scenario {

    static final List<String> TOPICS = List.of("crm.contacts", "crm.leads", "crm.tickets");
    static final String GROUP = "analytics-service";
    private static final int TENANTS = 3;
    private static final Pattern PARAMETER = Pattern.compile("\\?([12])");
    private static final int SQL_RUNS_AT_LEAST = 3;

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "6. Analytics: ingestion and reports vs a raw events table");
        List<BenchTenant> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.add(context.newTenant("analytics" + t));
        }
        long total = context.options().events();
        AnalyticsEvents events = new AnalyticsEvents(tenants.stream().map(BenchTenant::id).toList(), total,
                Instant.now());
        String bootstrap = context.system().kafkaBootstrap();

        // Ingestion: publish everything, then watch the consumer group work off its backlog.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> consumed = topicsConsumed(admin);
            if (!consumed.containsAll(TOPICS)) {
                result.note(GROUP + " consumes only " + consumed + " of " + TOPICS + "; the ingestion rate counts the"
                        + " events on those");
            }
            Map<TopicPartition, Long> committedBefore = committed(admin, consumed);
            long backlogBefore = behind(endOffsets(admin, consumed), committedBefore);
            // Every service consuming these topics works for each event, so all of them are metered.
            ProcessCpu meter = context.system().processCpu(CrmService.CONTACTS, CrmService.LEADS, CrmService.TICKETS,
                    CrmService.ANALYTICS);
            Map<String, Duration> cpuBefore = meter.read();
            long started = System.nanoTime();
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                for (long i = 0; i < total; i++) {
                    AnalyticsEvents.Event event = events.event(i);
                    producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json()));
                    if ((i + 1) % 500_000 == 0) {
                        BenchContext.progress("published %,d of %,d events", i + 1, total);
                    }
                }
                producer.flush();
            }
            double publishSeconds = (System.nanoTime() - started) / 1e9;
            Map<TopicPartition, Long> ends = endOffsets(admin, consumed);
            BenchContext.progress("published %,d events in %.1f s; waiting for %s to consume %s up to the end", total,
                    publishSeconds, GROUP, consumed);
            Duration limit = Duration.ofSeconds(Math.max(600, total / 300));
            long left = awaitConsumed(admin, ends, started, limit);
            double ingestSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Duration> cpu = meter.since(cpuBefore);
            Map<TopicPartition, Long> committedAfter = committed(admin, consumed);
            long ingested = ends.keySet().stream().mapToLong(partition ->
                    committedAfter.getOrDefault(partition, 0L) - committedBefore.getOrDefault(partition, 0L)).sum();
            BenchContext.progress("%s consumed %,d events in %.1f s", GROUP, ingested, ingestSeconds);
            if (backlogBefore > 0) {
                result.note(String.format(Locale.ROOT, "%s had %,d events of earlier scenarios still to consume when"
                        + " the publishing began; the rate counts every event it consumed from then on", GROUP,
                        backlogBefore));
            }
            if (left > 0) {
                result.note(String.format(Locale.ROOT, "%,d events were still unconsumed after %d s; the rate counts"
                        + " what was consumed by then", left, limit.toSeconds()));
            }
            result.note(String.format(Locale.ROOT, "Publishing the events took %.1f s (%.0f events/s).",
                    publishSeconds, total / publishSeconds));
            // contacts-, leads- and tickets-service may still be consuming; the baselines and the reports
            // should not compete with them.
            boolean quiet = meter.awaitQuiet(Duration.ofMinutes(15));
            result.note("The baseline and the reports ran after the ingestion, " + (quiet
                    ? "once the services had consumed the events (they and PostgreSQL used less than a quarter of a"
                    + " core)" : "while the services were still busy (they were not quiet within 15 minutes)") + ".");
            double copyPerSecond = copyRaw(context.system(), events);
            result.add(Figure.of("ingestion rate", "events/s", ingested / ingestSeconds, copyPerSecond, null));
            if (meter.measurable()) {
                result.add(Figure.alone("CPU per event ingested, all processes", "ms",
                                ProcessCpu.millisPerItem(cpu, ingested), null))
                        .note("CPU per event from the first publish until analytics-service had consumed the last: "
                                + ProcessCpu.breakdown(cpu, ingested) + ". contacts-, leads- and tickets-service"
                                + " consume the same topics (timelines, their own read models), and the load generator"
                                + " publishes the events.");
            }
        }

        // Reports, for the first tenant (a third of the events), as its HQ staff sees them.
        BenchTenant tenant = tenants.get(0);
        String contactId = AnalyticsEvents.contactId(tenant.id(), 0);
        HttpCalls http = context.http();
        Duration phase = context.options().seconds();
        double rate = 2;
        List<String> unavailable = new ArrayList<>();
        try (RawQueries raw = new RawQueries(context.system(), tenant.id(), contactId)) {
            for (AnalyticsReports.Report report : AnalyticsReports.ALL) {
                String url = context.system().gatewayUrl() + report.path().replace("{contactId}", contactId);
                HttpResponse<String> first = http.send(http.get(url, tenant.token()));
                if (first.statusCode() != 200) {
                    unavailable.add("`" + report.path() + "` (" + first.statusCode() + ")");
                    continue;
                }
                LoadResult api = new OpenModelLoad(rate, phase, 64, Duration.ofSeconds(30))
                        .run(GatewayOverheadScenario.asyncGet(http, url, tenant));
                raw.run(report);
                Latencies sql = raw.backToBack(report, phase, SQL_RUNS_AT_LEAST);
                BenchContext.progress("%-20s API p95 %.1f ms, SQL p95 %.1f ms", report.name(), api.latencies().p95(),
                        sql.p95());
                result.add(Figure.of("p95 " + report.name(), "ms", api.latencies().p95(), sql.p95(),
                        Target.valueBelow(200)));
            }
        }
        if (!unavailable.isEmpty()) {
            result.note("Not available (the endpoint did not answer 200): " + String.join(", ", unavailable));
        }
        return result
                .compares("events published straight to Kafka (topics " + TOPICS + ", keyed by subject) until the"
                                + " consumer group `" + GROUP + "` has committed all of them; then each report endpoint"
                                + " through the gateway for one tenant's HQ user",
                        "`COPY` of the same events into a raw table (topic, type, tenant, unit, subject, time, jsonb data)"
                                + " in analytics-service's database, indexed by (tenant, type) afterwards; each report's"
                                + " equivalent SQL over that raw table (AnalyticsReports), run back to back on one"
                                + " connection for the same time (at least " + SQL_RUNS_AT_LEAST + " times), so its"
                                + " latencies include no queueing")
                .sizes(String.format(Locale.ROOT, "%,d events over %d tenants x %d units and 400 days (35%% purchases,"
                                + " 5%% contacts, 35%% leads and opportunities, 5%% products, 20%% tickets); reports"
                                + " measured in the open model at %.0f/s for %d s each", total, TENANTS,
                        AnalyticsEvents.UNITS_PER_TENANT, rate, phase.toSeconds()));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> names) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        topics.values().forEach(topic -> topic.partitions().forEach(p ->
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The topics the group's members are assigned: what analytics-service subscribes to now. */
    private static Set<String> topicsConsumed(Admin admin) throws Exception {
        Set<String> topics = new TreeSet<>();
        admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get(30, TimeUnit.SECONDS)
                .members().forEach(member -> member.assignment().topicPartitions()
                        .forEach(partition -> topics.add(partition.topic())));
        topics.retainAll(TOPICS);
        return topics.isEmpty() ? Set.copyOf(TOPICS) : topics;
    }

    /** The group's committed offsets on these topics (0 where it has committed nothing yet). */
    private static Map<TopicPartition, Long> committed(Admin admin, Set<String> topics) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : endOffsets(admin, topics).keySet()) {
            offsets.put(partition, 0L);
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        committed.forEach((partition, at) -> {
            if (at != null && offsets.containsKey(partition)) {
                offsets.put(partition, at.offset());
            }
        });
        return offsets;
    }

    private static long behind(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L))).sum();
    }

    /** Waits until the group has committed every offset up to {@code ends}; returns how many it lacks. */
    private static long awaitConsumed(Admin admin, Map<TopicPartition, Long> ends, long started, Duration limit)
            throws Exception {
        long deadline = started + limit.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            long behind = behind(ends, committed(admin, topicsOf(ends)));
            if (behind == 0 || System.nanoTime() > deadline) {
                return behind;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                BenchContext.progress("%s is %,d events behind (%d s)", GROUP, behind,
                        (System.nanoTime() - started) / 1_000_000_000L);
                lastReport = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static Set<String> topicsOf(Map<TopicPartition, Long> offsets) {
        Set<String> topics = new TreeSet<>();
        offsets.keySet().forEach(partition -> topics.add(partition.topic()));
        return topics;
    }

    /** COPYs the same events into a raw table; returns events per second of the COPY alone. */
    private static double copyRaw(BenchSystem system, AnalyticsEvents events) throws Exception {
        try (Connection connection = system.connectAsService("analytics")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_raw_event");
                ddl.execute("create table bench_raw_event (topic text not null, type text not null, tenant_id text"
                        + " not null, unit_id text, subject text, time timestamptz not null, data jsonb not null)");
            }
            long started = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_raw_event from stdin (format text)", new RawEventReader(events));
            double seconds = (System.nanoTime() - started) / 1e9;
            BenchContext.progress("COPY of %,d raw events: %.1f s", events.total(), seconds);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create index bench_raw_event_tenant_type on bench_raw_event (tenant_id, type)");
                ddl.execute("analyze bench_raw_event");
            }
            return events.total() / seconds;
        }
    }

    /** The events as COPY text rows, generated as COPY reads them, so no file of gigabytes is needed. */
    private static final class RawEventReader extends Reader {

        private final AnalyticsEvents events;
        private long next;
        private String row = "";
        private int at;

        RawEventReader(AnalyticsEvents events) {
            this.events = events;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == row.length()) {
                if (next == events.total()) {
                    return -1;
                }
                AnalyticsEvents.Event e = events.event(next++);
                row = e.topic() + '\t' + e.type() + '\t' + e.tenant() + '\t' + (e.unit() == null ? "\\N" : e.unit())
                        + '\t' + e.key() + '\t' + e.time() + '\t' + e.data().replace("\\", "\\\\") + '\n';
                at = 0;
            }
            int n = Math.min(length, row.length() - at);
            row.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            // nothing held
        }
    }

    /**
     * Each report's SQL over the raw table on one connection. Run back to back rather than at the API's
     * arrival rate: at ten million events a query takes seconds, and queued queries would still be running
     * while the next report's API is measured.
     */
    private static final class RawQueries implements AutoCloseable {

        private final String tenant;
        private final String contactId;
        private final Connection connection;

        RawQueries(BenchSystem system, String tenant, String contactId) throws Exception {
            this.tenant = tenant;
            this.contactId = contactId;
            this.connection = system.connectAsService("analytics");
        }

        void run(AnalyticsReports.Report report) throws Exception {
            try (PreparedStatement query = connection.prepareStatement(PARAMETER.matcher(report.sql()).replaceAll("?"))) {
                int index = 1;
                Matcher parameters = PARAMETER.matcher(report.sql());
                while (parameters.find()) {
                    query.setString(index++, parameters.group(1).equals("1") ? tenant : contactId);
                }
                try (ResultSet rows = query.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rows.getObject(c);
                        }
                    }
                }
            }
        }

        /** The latencies of the report's SQL run back to back for {@code phase}, and at least {@code runs} times. */
        Latencies backToBack(AnalyticsReports.Report report, Duration phase, int runs) throws Exception {
            Histogram latencies = Latencies.newHistogram();
            long end = System.nanoTime() + phase.toNanos();
            for (int run = 0; run < runs || System.nanoTime() < end; run++) {
                long started = System.nanoTime();
                run(report);
                latencies.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
            }
            return Latencies.of(latencies);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

}
