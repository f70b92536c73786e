package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** How a logged interaction took place. */
public enum InteractionKind {
    @JsonProperty("call") CALL("call"),
    @JsonProperty("email") EMAIL("email"),
    @JsonProperty("meeting") MEETING("meeting"),
    @JsonProperty("letter") LETTER("letter"),
    @JsonProperty("chat") CHAT("chat"),
    @JsonProperty("note") NOTE("note"),
    @JsonProperty("web_form") WEB_FORM("web_form");

    private final String value;

    InteractionKind(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static InteractionKind of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be call, email, meeting, letter, chat, note or web_form"));
    }
}
