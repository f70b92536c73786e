package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** Where a person stands with the franchise system. */
public enum LifecycleStage {
    @JsonProperty("prospect") PROSPECT("prospect"),
    @JsonProperty("customer") CUSTOMER("customer"),
    @JsonProperty("former_customer") FORMER_CUSTOMER("former_customer");

    private final String value;

    LifecycleStage(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static LifecycleStage of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be prospect, customer or former_customer"));
    }
}
