package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One of a person's phone numbers, stored in E.164 ({@code +4940123456}); exactly one is primary. */
public record PhoneNumber(Type type, @NotBlank @Size(max = 40) String number, Boolean primary) {

    public enum Type {
        @JsonProperty("mobile") MOBILE,
        @JsonProperty("work") WORK,
        @JsonProperty("home") HOME,
        @JsonProperty("other") OTHER
    }

    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
