package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a queue picks the agent for a ticket routed to it. */
public enum AssignmentStrategy implements ApiValue {
    /** The next member after the one who got the previous ticket. */
    @JsonProperty("round_robin") ROUND_ROBIN("round_robin"),
    /** The member with the fewest open tickets. */
    @JsonProperty("least_loaded") LEAST_LOADED("least_loaded"),
    /** Among members whose skills include the ticket's category, the least loaded. */
    @JsonProperty("skill") SKILL("skill");

    private final String value;

    AssignmentStrategy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static AssignmentStrategy of(String value) {
        return ApiValue.parse(AssignmentStrategy.class, value);
    }
}
