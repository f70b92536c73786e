package crm.tickets.domain;

import java.util.UUID;

/** The queue a ticket waits in, the agent working on it (or none) and the routing rule that put it there. */
public record QueuePlacement(UUID queueId, String assigneeId, String rule) {
}
