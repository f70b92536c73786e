package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** Where a purchase was made. */
public enum PurchaseChannel {
    @JsonProperty("online") ONLINE("online"),
    @JsonProperty("in_store") IN_STORE("in_store"),
    @JsonProperty("phone") PHONE("phone"),
    @JsonProperty("marketplace") MARKETPLACE("marketplace"),
    @JsonProperty("other") OTHER("other");

    private final String value;

    PurchaseChannel(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static PurchaseChannel of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be online, in_store, phone, marketplace or other"));
    }
}
