package crm.tickets.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.tickets.domain.Channel;
import crm.tickets.domain.Priority;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The fields of a ticket staff may change afterwards (JSON merge patch onto this shape). Status, queue and
 * assignee change through their own operations, which apply the workflow's rules and publish events.
 */
public record EditableTicket(
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 20_000) String description,
        @NotNull Channel channel,
        @Size(max = 50) String category,
        @NotNull Priority priority,
        UUID contactId,
        UUID companyId,
        @Email @Size(max = 254) String requesterEmail,
        @Size(max = 20) List<@NotNull @Size(max = 50) String> tags,
        JsonNode customFields,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> watchers) {
}
