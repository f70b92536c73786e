package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A follow-up is open until someone completes it. */
public enum TaskStatus {
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("done") DONE("done");

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static TaskStatus of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be open or done"));
    }
}
