package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Whose work queue a lead is in when nobody owns it: its unit's or headquarters'. A lead with an owner is
 * in the owner's queue within its unit ({@link #UNIT}).
 */
public enum LeadQueue {
    @JsonProperty("unit") UNIT("unit"),
    @JsonProperty("hq") HQ("hq");

    private final String value;

    LeadQueue(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static LeadQueue of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(q -> q.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be unit or hq"));
    }
}
