package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** How a lead reached the franchise system. */
public enum Channel {
    @JsonProperty("website") WEBSITE("website"),
    @JsonProperty("cold_call") COLD_CALL("cold_call"),
    @JsonProperty("direct_mail") DIRECT_MAIL("direct_mail"),
    @JsonProperty("field_sales") FIELD_SALES("field_sales"),
    @JsonProperty("social_media") SOCIAL_MEDIA("social_media"),
    @JsonProperty("trade_fair") TRADE_FAIR("trade_fair"),
    @JsonProperty("event") EVENT("event"),
    @JsonProperty("referral") REFERRAL("referral"),
    @JsonProperty("partner") PARTNER("partner"),
    @JsonProperty("other") OTHER("other");

    public static final String ALLOWED = "website, cold_call, direct_mail, field_sales, social_media, trade_fair,"
            + " event, referral, partner or other";

    private final String value;

    Channel(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static Channel of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + ALLOWED));
    }
}
