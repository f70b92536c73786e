package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** The lead fields a web form may ask for; a submission's values are keyed by these names. */
public enum FormFieldName {
    @JsonProperty("salutation") SALUTATION("salutation"),
    @JsonProperty("firstName") FIRST_NAME("firstName"),
    @JsonProperty("lastName") LAST_NAME("lastName"),
    @JsonProperty("email") EMAIL("email"),
    @JsonProperty("phone") PHONE("phone"),
    @JsonProperty("companyName") COMPANY_NAME("companyName"),
    @JsonProperty("companySize") COMPANY_SIZE("companySize"),
    @JsonProperty("postalCode") POSTAL_CODE("postalCode"),
    @JsonProperty("city") CITY("city"),
    @JsonProperty("countryCode") COUNTRY_CODE("countryCode"),
    @JsonProperty("productsOfInterest") PRODUCTS_OF_INTEREST("productsOfInterest"),
    @JsonProperty("message") MESSAGE("message");

    private final String value;

    FormFieldName(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static boolean isField(String name) {
        return Arrays.stream(values()).anyMatch(f -> f.value.equals(name));
    }
}
