package crm.tickets.service;

import crm.tickets.domain.AgentPicker;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueueMember;
import crm.tickets.domain.RoutingFacts;
import crm.tickets.domain.RoutingRule;
import crm.tickets.domain.RoutingRules;
import crm.tickets.repository.QueueRepository;
import crm.tickets.repository.SettingsRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Runs the tenant's routing: the first matching rule names the queue (a rule whose queue is gone counts as
 * no match), no match means the default queue, and the queue's strategy picks the agent. The decision
 * logic itself is pure ({@link RoutingRules}, {@link AgentPicker}); this class only fetches what it needs.
 */
@ApplicationScoped
public class TicketRouter {

    /** Where a ticket goes: queue, agent (or none, when nobody has room), the rule and how the agent was chosen. */
    public record Routed(Queue queue, String assigneeId, String rule, String reason) {
    }

    private final SettingsRepository settings;
    private final QueueRepository queues;

    public TicketRouter(SettingsRepository settings, QueueRepository queues) {
        this.settings = settings;
        this.queues = queues;
    }

    public Uni<Routed> route(SqlConnection tx, RoutingFacts facts) {
        return rules(tx).flatMap(rules -> {
            Optional<RoutingRule> match = rules.firstMatch(facts);
            Uni<Optional<Queue>> target = match.isPresent() ? queues.findById(tx, match.get().queueId())
                    : Uni.createFrom().item(Optional.empty());
            return target.flatMap(queue -> queue.isPresent()
                    ? pickAgent(tx, queue.get(), facts.category())
                            .map(agent -> new Routed(queue.get(), agent, match.get().name(), reason(queue.get(), agent)))
                    : queues.defaultQueue(tx).flatMap(fallback -> pickAgent(tx, fallback, facts.category())
                            .map(agent -> new Routed(fallback, agent, null, reason(fallback, agent)))));
        });
    }

    /** The agent the queue's strategy chooses now, or null; round robin remembers its choice. */
    public Uni<String> pickAgent(SqlConnection tx, Queue queue, String category) {
        List<QueueMember> members = queue.members();
        if (members.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        List<String> agentIds = members.stream().map(QueueMember::agentId).toList();
        return queues.lastAssigned(tx, queue.id()).flatMap(last -> queues.loads(tx, agentIds)
                .flatMap(loads -> {
                    Optional<String> agent = AgentPicker.pick(queue.strategy(), members, loads, last, category);
                    if (agent.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    return queues.rememberAssigned(tx, queue.id(), agent.get()).replaceWith(agent.get());
                }));
    }

    public Uni<RoutingRules> rules(SqlConnection tx) {
        return settings.find(tx, SettingsRepository.ROUTING_RULES, RoutingRules.class)
                .map(found -> found.map(SettingsRepository.Stored::document).orElse(RoutingRules.NONE));
    }

    private static String reason(Queue queue, String agent) {
        return agent == null ? null : queue.strategy().value();
    }
}
