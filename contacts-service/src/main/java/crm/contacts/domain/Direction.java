package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** Who started an interaction: the customer (inbound) or the franchise system (outbound). */
public enum Direction {
    @JsonProperty("inbound") INBOUND("inbound"),
    @JsonProperty("outbound") OUTBOUND("outbound");

    private final String value;

    Direction(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static Direction of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be inbound or outbound"));
    }
}
