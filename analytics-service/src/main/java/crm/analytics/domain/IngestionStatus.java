package crm.analytics.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** How current the read model is, per consumed topic. */
public record IngestionStatus(OffsetDateTime checkedAt, List<TopicStatus> topics) {

    /**
     * For the caller's tenant: the newest event time applied, when the last event arrived, how many distinct
     * events were applied and how old the newest one is (seconds). {@code consumerLag}: records of all
     * tenants not yet consumed (null while unknown).
     */
    public record TopicStatus(String topic, OffsetDateTime lastEventTime, OffsetDateTime lastReceivedAt,
                              long eventsApplied, Long freshnessSeconds, Long consumerLag) {
    }
}
