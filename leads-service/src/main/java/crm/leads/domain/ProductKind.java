package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a catalogue item is a good that is handed over or a service that is performed. */
public enum ProductKind {
    @JsonProperty("product") PRODUCT,
    @JsonProperty("service") SERVICE;

    /** The API, event and database form. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ProductKind of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
