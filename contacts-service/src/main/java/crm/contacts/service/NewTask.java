package crm.contacts.service;

import crm.contacts.domain.TaskPriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a caller may set when creating a follow-up. The assignee defaults to the caller, the priority to
 * normal; unitId (HQ only) places a task that is about neither a contact nor a company.
 */
public record NewTask(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        @NotNull OffsetDateTime dueAt,
        @Size(min = 1, max = 200) String assigneeId,
        TaskPriority priority,
        UUID contactId,
        UUID companyId,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId) {
}
