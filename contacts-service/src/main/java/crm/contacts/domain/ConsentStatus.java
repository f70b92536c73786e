package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** What a person said about a channel; unknown until they said anything. */
public enum ConsentStatus {
    @JsonProperty("granted") GRANTED("granted"),
    @JsonProperty("withdrawn") WITHDRAWN("withdrawn"),
    @JsonProperty("unknown") UNKNOWN("unknown");

    private final String value;

    ConsentStatus(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static ConsentStatus of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be granted, withdrawn or unknown"));
    }
}
