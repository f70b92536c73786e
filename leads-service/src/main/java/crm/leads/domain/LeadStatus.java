package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** Where a lead stands in its workflow; converted and disqualified are final. */
public enum LeadStatus {
    @JsonProperty("new") NEW("new"),
    @JsonProperty("contacted") CONTACTED("contacted"),
    @JsonProperty("qualified") QUALIFIED("qualified"),
    @JsonProperty("converted") CONVERTED("converted"),
    @JsonProperty("disqualified") DISQUALIFIED("disqualified"),
    @JsonProperty("nurture") NURTURE("nurture");

    public static final String ALLOWED = "new, contacted, qualified, converted, disqualified or nurture";

    private final String value;

    LeadStatus(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    /** Still in somebody's work queue: every status but the two final ones. */
    public boolean isOpen() {
        return this != CONVERTED && this != DISQUALIFIED;
    }

    public static LeadStatus of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + ALLOWED));
    }
}
