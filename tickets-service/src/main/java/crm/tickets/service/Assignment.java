package crm.tickets.service;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A manual (re)assignment: to another queue (whose strategy then picks the agent unless one is named),
 * to a named agent within the current queue, or both.
 */
public record Assignment(UUID queueId, @Size(min = 1, max = 200) String assigneeId) {
}
