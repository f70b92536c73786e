package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a customer asked for help. */
public enum Channel implements ApiValue {
    @JsonProperty("email") EMAIL("email"),
    @JsonProperty("phone") PHONE("phone"),
    @JsonProperty("web") WEB("web"),
    @JsonProperty("portal") PORTAL("portal"),
    @JsonProperty("in_store") IN_STORE("in_store");

    private final String value;

    Channel(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Channel of(String value) {
        return ApiValue.parse(Channel.class, value);
    }
}
