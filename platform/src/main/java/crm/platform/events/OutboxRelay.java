package crm.platform.events;

import crm.platform.config.EventsConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in commit order. It sleeps on PostgreSQL {@code LISTEN} and polls as a
 * fallback. Several replicas may run it: a transaction-scoped advisory lock lets one publish at a time
 * (so one aggregate's events keep their order across replicas) and {@code FOR UPDATE SKIP LOCKED} keeps
 * claimed rows from being read twice. A row is marked published only after the broker acknowledged it
 * (idempotent producer, acks=all); a crash in between republishes it, and consumers' inboxes drop the repeat.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6372_6d5f_6f75_7462L; // "crm_outb"
    private static final String CLAIM = "select position, topic, message_key, envelope::text from outbox_event"
            + " where status = 'PENDING' order by position limit ? for update skip locked";

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final Map<String, Object> kafkaDefaults;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaDefaults = kafkaDefaults;
        this.published = registry.counter("crm.outbox.published");
        registry.gauge("crm.outbox.pending", pending);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relay().enabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Quarkus' {@code kafka.*} settings (bootstrap servers, TLS, SASL) plus what the relay's guarantees need. */
    private Properties producerProperties() {
        Properties p = new Properties();
        kafkaDefaults.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                p.put(key, value);
            }
        });
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox" + config.source().replace('/', '-'));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // While the broker is away the relay should give up a batch quickly and retry it, not hang.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.relay().sendTimeout().toMillis()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private void run() {
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                listener.setAutoCommit(true);
                try (var statement = listener.createStatement()) {
                    statement.execute("listen crm_outbox");
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    drain();
                    notifications.getNotifications((int) config.relay().pollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox relay paused: %s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.relay().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes batches until the outbox is empty or a batch could not be published completely. */
    void drain() throws SQLException {
        int batch = config.relay().batchSize();
        BatchResult result;
        do {
            result = publishBatch(batch);
        } while (running && result.complete() && result.published() == batch);
        updatePendingGauge();
    }

    private record BatchResult(int published, boolean complete) {
    }

    private record Row(long position, String topic, String key, String envelope) {
    }

    private BatchResult publishBatch(int limit) throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                if (!tryRelayLock(tx)) {
                    tx.rollback();
                    return new BatchResult(0, false);
                }
                List<Row> rows = claim(tx, limit);
                BatchResult result = send(tx, rows);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private boolean tryRelayLock(Connection tx) throws SQLException {
        try (PreparedStatement lock = tx.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> claim(Connection tx, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = tx.prepareStatement(CLAIM)) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    private BatchResult send(Connection tx, List<Row> rows) throws SQLException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        // The producer settles every send within the delivery timeout; waiting a little longer means a
        // send is never abandoned here while it could still reach the broker (which would duplicate it).
        long deadline = System.nanoTime() + config.relay().sendTimeout().plusSeconds(5).toNanos();
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(rows.get(i).position());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                markPublished(tx, done);
                return new BatchResult(done.size(), false);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // Stop at the first failure: later rows may belong to the same aggregate and must not overtake it.
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                markPublished(tx, done);
                recordFailure(tx, rows.get(i).position(), cause);
                return new BatchResult(done.size(), false);
            }
        }
        markPublished(tx, done);
        return new BatchResult(done.size(), true);
    }

    private void markPublished(Connection tx, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update = tx.prepareStatement(
                "update outbox_event set status = 'PUBLISHED', published_at = now(), last_error = null"
                        + " where position = any(?)")) {
            update.setArray(1, tx.createArrayOf("bigint", positions.toArray()));
            update.executeUpdate();
        }
        published.increment(positions.size());
    }

    private void recordFailure(Connection tx, long position, Throwable cause) throws SQLException {
        boolean permanent = !(cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException);
        try (PreparedStatement update = tx.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ?,"
                        + " status = case when ? then 'FAILED' else status end where position = ?")) {
            update.setString(1, String.valueOf(cause));
            update.setBoolean(2, permanent);
            update.setLong(3, position);
            update.executeUpdate();
        }
        if (permanent) {
            LOG.errorf("Outbox event at position %d cannot be published and is parked as FAILED: %s", position, cause);
        }
    }

    private void updatePendingGauge() throws SQLException {
        try (Connection c = dataSource.getConnection();
             var statement = c.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from outbox_event where status = 'PENDING'")) {
            if (rs.next()) {
                pending.set(rs.getLong(1));
            }
        }
    }
}
