package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A company's employee band; the same bands as contacts-service, so conversion hands them over unchanged. */
public enum CompanySize {
    @JsonProperty("1-9") MICRO("1-9"),
    @JsonProperty("10-49") SMALL("10-49"),
    @JsonProperty("50-249") MEDIUM("50-249"),
    @JsonProperty("250-999") LARGE("250-999"),
    @JsonProperty("1000+") ENTERPRISE("1000+");

    public static final String ALLOWED = "1-9, 10-49, 50-249, 250-999 or 1000+";

    private final String value;

    CompanySize(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static CompanySize of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + ALLOWED));
    }
}
