package crm.tickets.service;

import crm.tickets.domain.AssignmentStrategy;
import crm.tickets.domain.QueueMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A queue as an admin defines it (POST and PUT): its agents, their skills and capacity, and the strategy. */
public record NewQueue(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String description,
        @NotNull AssignmentStrategy strategy,
        @Size(max = 200) List<@Valid @NotNull QueueMember> members) {
}
