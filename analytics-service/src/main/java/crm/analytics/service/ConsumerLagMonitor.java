package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Consumer lag per topic: the records between the consumer group's committed offsets and the end of
 * each partition, read from the broker at an interval and exposed as the gauge
 * {@code crm.analytics.consumer.lag} and on the status endpoint. Unknown (NaN, null) until the first read
 * succeeds or while the broker cannot be reached.
 */
@ApplicationScoped
public class ConsumerLagMonitor {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMonitor.class);
    private static final long UNKNOWN = -1;

    private final AnalyticsConfig config;
    private final Map<String, Object> kafkaDefaults;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public ConsumerLagMonitor(AnalyticsConfig config, MeterRegistry registry,
                              @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults) {
        this.config = config;
        this.kafkaDefaults = kafkaDefaults;
        for (String topic : Topics.CONSUMED) {
            AtomicLong value = new AtomicLong(UNKNOWN);
            lag.put(topic, value);
            registry.gauge("crm.analytics.consumer.lag", Tags.of("topic", topic), value,
                    v -> v.get() == UNKNOWN ? Double.NaN : v.get());
        }
    }

    /** Records behind on {@code topic}, or null while unknown. */
    public Long lag(String topic) {
        AtomicLong value = lag.get(topic);
        return value == null || value.get() == UNKNOWN ? null : value.get();
    }

    @Scheduled(every = "${crm.analytics.lag.refresh}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client
                    .listConsumerGroupOffsets(config.lag().consumerGroup())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = client.describeTopics(Topics.CONSUMED).allTopicNames()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p -> {
                ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
                starts.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.earliest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = client.listOffsets(ends).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = client.listOffsets(starts).all()
                    .get(5, TimeUnit.SECONDS);
            Map<String, Long> behind = new HashMap<>();
            end.forEach((partition, info) -> {
                OffsetAndMetadata position = committed.get(partition);
                long from = position != null ? position.offset() : start.get(partition).offset();
                behind.merge(partition.topic(), Math.max(0, info.offset() - from), Long::sum);
            });
            behind.forEach((topic, records) -> lag.get(topic).set(records));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("Consumer lag unknown: %s", e.getMessage());
            lag.values().forEach(v -> v.set(UNKNOWN));
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties properties = new Properties();
                    kafkaDefaults.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            properties.put(key, value);
                        }
                    });
                    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "analytics-lag-monitor");
                    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
                    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
                    admin = Admin.create(properties);
                }
            }
        }
        return admin;
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    /** The topics this monitor reports, for the status endpoint. */
    public List<String> topics() {
        return Topics.CONSUMED;
    }
}
