package crm.contacts.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The contacts to merge into the survivor named by the path. */
public record MergeRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull UUID> mergeIds) {
}
