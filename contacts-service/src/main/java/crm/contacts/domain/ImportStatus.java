package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Where an import job stands. {@code interrupted} is never stored: it is how a job reads whose upload
 * stopped making progress without finishing (the instance running it went away).
 */
public enum ImportStatus {
    @JsonProperty("running") RUNNING("running"),
    @JsonProperty("completed") COMPLETED("completed"),
    @JsonProperty("cancelled") CANCELLED("cancelled"),
    @JsonProperty("failed") FAILED("failed"),
    @JsonProperty("interrupted") INTERRUPTED("interrupted");

    private final String value;

    ImportStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ImportStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import status " + value));
    }
}
