package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an SLA promises: a first public reply, and a resolution, each within a number of business minutes. */
public enum SlaTarget implements ApiValue {
    @JsonProperty("first_response") FIRST_RESPONSE("first_response"),
    @JsonProperty("resolution") RESOLUTION("resolution");

    private final String value;

    SlaTarget(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
