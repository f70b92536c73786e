package crm.contacts.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a caller may set on a contact, when creating it (POST) and when replacing it (PUT; a PATCH is
 * merged onto the current state in this shape). Tenant, id, version and timestamps are not here on
 * purpose: a body that carries them changes nothing.
 *
 * <p>{@code email} and {@code phone} are shorthands for the primary e-mail and phone: the value becomes
 * the primary entry of {@code emails}/{@code phones}, added (type {@code other}) when not yet listed.
 * {@code customFields} maps the keys of the tenant's custom field definitions to values; they are checked
 * against those definitions (422 naming {@code customFields.<key>}).
 */
public record NewContact(
        Salutation salutation,
        @Size(max = 50) String academicTitle,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 10) List<@Valid @NotNull EmailAddress> emails,
        @Size(max = 10) List<@Valid @NotNull PhoneNumber> phones,
        @Size(max = 5) List<@Valid @NotNull PostalAddress> addresses,
        UUID companyId,
        LifecycleStage lifecycleStage,
        @Size(max = 200) String ownerId,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId,
        @Size(max = 100) List<@NotNull String> tags,
        @Size(max = 100) String source,
        @Size(max = 100) Map<@NotNull @Size(max = 40) String, Object> customFields,
        @Size(min = 1, max = 100) @Pattern(regexp = "\\p{Graph}+", message = "must be 1 to 100 visible characters without spaces")
        String externalId) {

    /** The constructor JSON bodies are read with (the other one exists for callers written before). */
    @JsonCreator
    public NewContact {
    }

    /** A contact without custom fields and external id (the shape before both existed). */
    public NewContact(Salutation salutation, String academicTitle, String firstName, String lastName, String email,
                      String phone, List<EmailAddress> emails, List<PhoneNumber> phones,
                      List<PostalAddress> addresses, UUID companyId, LifecycleStage lifecycleStage, String ownerId,
                      String unitId, List<String> tags, String source) {
        this(salutation, academicTitle, firstName, lastName, email, phone, emails, phones, addresses, companyId,
                lifecycleStage, ownerId, unitId, tags, source, null, null);
    }
}
