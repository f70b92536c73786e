package crm.contacts.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Hands a task to someone else (a user's token subject). */
public record Reassignment(@NotBlank @Size(max = 200) String assigneeId) {
}
