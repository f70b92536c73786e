package crm.tickets.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An agent in a queue: what they are good at ({@code skills}, compared with ticket categories), how many
 * open tickets they can carry ({@code capacity}; none means unlimited) and whether they take tickets now.
 */
public record QueueMember(
        @NotBlank @Size(max = 200) String agentId,
        @Size(max = 30) List<@NotNull @Size(max = 50) String> skills,
        @Min(1) @Max(10_000) Integer capacity,
        Boolean active) {

    public QueueMember {
        skills = skills == null ? List.of() : List.copyOf(skills);
        active = active == null || active;
    }

    public boolean hasRoomAt(int load) {
        return active && (capacity == null || load < capacity);
    }
}
