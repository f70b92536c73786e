package crm.tickets.domain;

import java.util.List;
import java.util.UUID;

/**
 * The SLA a ticket is held to, copied from the matching policy when the ticket opens, so that later policy
 * changes do not move the goalposts of tickets already running.
 */
public record SlaTerms(String policy, long firstResponseMinutes, long resolutionMinutes, int warningPercent,
                       List<EscalationAction> warningActions, List<EscalationAction> breachActions,
                       UUID escalationQueueId) {

    public SlaTerms {
        warningActions = warningActions == null ? List.of() : List.copyOf(warningActions);
        breachActions = breachActions == null ? List.of() : List.copyOf(breachActions);
    }

    public long minutes(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
    }

    /**
     * Business minutes after which the clock reaches {@code stage} of {@code target}. The warning falls on
     * whole minutes (the calendar counts in minutes), at least one minute in and never after the breach.
     */
    public long minutes(SlaTarget target, SlaStage stage) {
        long total = minutes(target);
        if (stage == SlaStage.BREACH) {
            return total;
        }
        return Math.min(total, Math.max(1, total * warningPercent / 100));
    }

    public List<EscalationAction> actions(SlaStage stage) {
        return stage == SlaStage.WARNING ? warningActions : breachActions;
    }
}
