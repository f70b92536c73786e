package crm.tickets.rest;

import crm.tickets.domain.AssignmentStrategy;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueueMember;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record QueueView(UUID id, String name, String description, AssignmentStrategy strategy,
                        List<QueueMember> members, boolean isDefault, int version, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt) {

    static QueueView of(Queue q) {
        return new QueueView(q.id(), q.name(), q.description(), q.strategy(), q.members(), q.isDefault(), q.version(),
                q.createdAt(), q.updatedAt());
    }
}
