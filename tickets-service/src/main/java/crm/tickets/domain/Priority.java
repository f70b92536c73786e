package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgent a ticket is; an SLA escalation raises it one step. */
public enum Priority implements ApiValue {
    @JsonProperty("low") LOW("low"),
    @JsonProperty("normal") NORMAL("normal"),
    @JsonProperty("high") HIGH("high"),
    @JsonProperty("urgent") URGENT("urgent");

    private final String value;

    Priority(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** One step more urgent; urgent stays urgent. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }

    public static Priority of(String value) {
        return ApiValue.parse(Priority.class, value);
    }
}
