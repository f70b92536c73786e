package crm.tickets.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.tickets.domain.Channel;
import crm.tickets.domain.Priority;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What a caller may set when opening a ticket. Status, queue, assignee, SLA, tier, number, tenant, ids and
 * timestamps are not here on purpose: routing and the SLA policies decide them, and a body that carries
 * them changes nothing. Only HQ staff may choose {@code unitId}; franchisee staff open tickets in their unit.
 */
public record NewTicket(
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 20_000) String description,
        @NotNull Channel channel,
        @Size(max = 50) String category,
        Priority priority,
        UUID contactId,
        UUID companyId,
        @Email @Size(max = 254) String requesterEmail,
        @Size(max = 20) List<@NotNull @Size(max = 50) String> tags,
        JsonNode customFields,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> watchers,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId) {

    /** The editable part, the shape PATCH merges onto. */
    public EditableTicket editable() {
        return new EditableTicket(subject, description, channel, category, priority, contactId, companyId,
                requesterEmail, tags, customFields, watchers);
    }
}
