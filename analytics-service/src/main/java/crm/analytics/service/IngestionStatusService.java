package crm.analytics.service;

import crm.analytics.domain.IngestionStatus;
import crm.analytics.domain.IngestionStatus.TopicStatus;
import crm.analytics.events.Topics;
import crm.analytics.repository.IngestionRepository;
import crm.analytics.repository.IngestionRepository.TopicState;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Freshness of the caller's tenant's data and the consumer lag, per topic. */
@ApplicationScoped
public class IngestionStatusService {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final IngestionRepository ingestion;
    private final ConsumerLagMonitor lag;

    public IngestionStatusService(TenantScope scope, CurrentTenant currentTenant, IngestionRepository ingestion,
                                  ConsumerLagMonitor lag) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.ingestion = ingestion;
        this.lag = lag;
    }

    public Uni<IngestionStatus> status() {
        return scope.inTransaction(currentTenant.get(), ingestion::topics).map(states -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            Map<String, TopicState> byTopic = states.stream()
                    .collect(Collectors.toMap(TopicState::topic, Function.identity()));
            List<TopicStatus> topics = new ArrayList<>();
            for (String topic : Topics.CONSUMED) {
                TopicState state = byTopic.get(topic);
                OffsetDateTime last = state == null ? null : state.lastEventTime();
                topics.add(new TopicStatus(topic, last, state == null ? null : state.lastReceivedAt(),
                        state == null ? 0 : state.events(),
                        last == null ? null : Math.max(0, Duration.between(last, now).getSeconds()), lag.lag(topic)));
            }
            return new IngestionStatus(now, topics);
        });
    }
}
