package crm.tickets.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Metadata of a file attached to a ticket; the size limit is configured (crm.tickets.attachment-max-bytes). */
public record NewAttachment(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 127) @Pattern(regexp = "[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+",
                message = "must be a media type such as application/pdf") String contentType,
        @NotNull @PositiveOrZero Long sizeBytes) {
}
