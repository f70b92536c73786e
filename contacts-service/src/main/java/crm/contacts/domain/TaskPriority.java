package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** How urgent a follow-up is. */
public enum TaskPriority {
    @JsonProperty("low") LOW("low"),
    @JsonProperty("normal") NORMAL("normal"),
    @JsonProperty("high") HIGH("high"),
    @JsonProperty("urgent") URGENT("urgent");

    private final String value;

    TaskPriority(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static TaskPriority of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be low, normal, high or urgent"));
    }
}
