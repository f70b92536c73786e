package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Whether a deal is still being worked on or has ended, won or lost. Won and lost are final. */
public enum OpportunityStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("won") WON,
    @JsonProperty("lost") LOST;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OpportunityStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses a query parameter; an unknown status is {@link IllegalArgumentException}. */
    public static OpportunityStatus parse(String value) {
        for (OpportunityStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be open, won or lost");
    }
}
