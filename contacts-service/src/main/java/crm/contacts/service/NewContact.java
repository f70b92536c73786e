package crm.contacts.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller may set when creating a contact. Tenant, id, version and timestamps are not here on
 * purpose: a body that carries them changes nothing.
 */
public record NewContact(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()/-]{3,30}", message = "must be a phone number") String phone,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId) {
}
