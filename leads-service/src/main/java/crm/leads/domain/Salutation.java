package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** How a person is addressed; the same forms as contacts-service. */
public enum Salutation {
    @JsonProperty("Herr") HERR("Herr"),
    @JsonProperty("Frau") FRAU("Frau"),
    @JsonProperty("Divers") DIVERS("Divers"),
    @JsonProperty("Mr") MR("Mr"),
    @JsonProperty("Ms") MS("Ms"),
    @JsonProperty("Mx") MX("Mx");

    public static final String ALLOWED = "Herr, Frau, Divers, Mr, Ms or Mx";

    private final String value;

    Salutation(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static Salutation of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + ALLOWED));
    }
}
