package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One of a person's e-mail addresses; exactly one of a contact's addresses is primary. */
public record EmailAddress(Type type, @NotBlank @Email @Size(max = 254) String address, Boolean primary) {

    public enum Type {
        @JsonProperty("work") WORK,
        @JsonProperty("private") PRIVATE,
        @JsonProperty("other") OTHER
    }

    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
