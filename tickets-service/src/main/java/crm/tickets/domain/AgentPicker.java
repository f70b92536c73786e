package crm.tickets.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the agent of a queue for a ticket. Only active members below their capacity are candidates;
 * when there is none the ticket waits in the queue unassigned. Ties go to the member listed first, so
 * the order of members is the queue's order of preference.
 */
public final class AgentPicker {

    private AgentPicker() {
    }

    /**
     * @param loads        open tickets per agent id (missing means none)
     * @param lastAssigned the agent who got the previous ticket of this queue (round robin), or null
     * @param category     the ticket's category, the skill the {@code skill} strategy looks for
     */
    public static Optional<String> pick(AssignmentStrategy strategy, List<QueueMember> members,
                                        Map<String, Integer> loads, String lastAssigned, String category) {
        List<QueueMember> candidates = members.stream()
                .filter(m -> m.hasRoomAt(loads.getOrDefault(m.agentId(), 0)))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return switch (strategy) {
            case ROUND_ROBIN -> Optional.of(nextAfter(members, candidates, lastAssigned).agentId());
            case LEAST_LOADED -> leastLoaded(candidates, loads);
            case SKILL -> leastLoaded(candidates.stream()
                    .filter(m -> category != null && m.skills().contains(category)).toList(), loads);
        };
    }

    private static Optional<String> leastLoaded(List<QueueMember> candidates, Map<String, Integer> loads) {
        return candidates.stream()
                .min(Comparator.comparingInt(m -> loads.getOrDefault(m.agentId(), 0)))
                .map(QueueMember::agentId);
    }

    /** The first candidate after {@code lastAssigned} in member order, wrapping around. */
    private static QueueMember nextAfter(List<QueueMember> members, List<QueueMember> candidates, String lastAssigned) {
        int last = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).agentId().equals(lastAssigned)) {
                last = i;
                break;
            }
        }
        for (int step = 1; step <= members.size(); step++) {
            QueueMember next = members.get((last + step) % members.size());
            if (candidates.contains(next)) {
                return next;
            }
        }
        return candidates.get(0);
    }
}
