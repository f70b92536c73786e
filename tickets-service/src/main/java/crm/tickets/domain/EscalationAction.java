package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What happens when an SLA warns or breaches, besides the warning/breach event itself (which every
 * consumer sees): the priority goes up one step, the ticket moves to the policy's escalation queue, and
 * the breach event is marked as the manager notification.
 */
public enum EscalationAction implements ApiValue {
    @JsonProperty("raise_priority") RAISE_PRIORITY("raise_priority"),
    @JsonProperty("move_to_escalation_queue") MOVE_TO_ESCALATION_QUEUE("move_to_escalation_queue"),
    @JsonProperty("notify_manager") NOTIFY_MANAGER("notify_manager");

    private final String value;

    EscalationAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
