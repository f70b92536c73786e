package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A way of reaching a person that needs their consent. */
public enum ConsentChannel {
    @JsonProperty("email") EMAIL("email"),
    @JsonProperty("phone") PHONE("phone"),
    @JsonProperty("sms") SMS("sms"),
    @JsonProperty("post") POST("post");

    private final String value;

    ConsentChannel(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static ConsentChannel of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be email, phone, sms or post"));
    }
}
