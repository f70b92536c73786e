package crm.contacts.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code such as {@code DE}. */
public record PostalAddress(@Size(max = 200) String street, @Size(max = 20) String postalCode,
                            @Size(max = 100) String city, @NotBlank @Size(max = 2) String country) {
}
