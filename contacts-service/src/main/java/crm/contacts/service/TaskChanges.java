package crm.contacts.service;

import crm.contacts.domain.TaskPriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The fields of a task a merge patch may change, validated as a whole after the patch is applied. Status
 * changes have their own operations (complete, snooze, reassign), so they are not here.
 */
public record TaskChanges(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        @NotNull OffsetDateTime dueAt,
        @NotBlank @Size(max = 200) String assigneeId,
        @NotNull TaskPriority priority,
        UUID contactId,
        UUID companyId) {
}
