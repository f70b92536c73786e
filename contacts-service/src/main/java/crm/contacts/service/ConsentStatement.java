package crm.contacts.service;

import crm.contacts.domain.ConsentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * What a person said about one channel, as a caller records it: the status, where it was given (web form,
 * shop counter, paper form), the version of the wording they agreed to, and when (default: now).
 */
public record ConsentStatement(
        @NotNull ConsentStatus status,
        @NotBlank @Size(max = 200) String source,
        @Size(max = 50) String wordingVersion,
        OffsetDateTime changedAt) {
}
