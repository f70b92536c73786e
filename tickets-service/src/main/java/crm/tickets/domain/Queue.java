package crm.tickets.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Where tickets wait for an agent; the tenant's default queue takes what no routing rule claims. */
public record Queue(UUID id, String name, String description, AssignmentStrategy strategy, List<QueueMember> members,
                    boolean isDefault, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Queue {
        members = List.copyOf(members);
    }
}
