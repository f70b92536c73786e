package crm.tickets.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Filters of a ticket list; every one that is set must hold. {@code openOnly} keeps tickets that are
 * neither resolved nor closed; {@code atRisk} those warned but not breached on a pending target;
 * {@code breached} those with a breached target that are still open.
 */
public record TicketQuery(String assigneeId, UUID queueId, UUID contactId, UUID companyId, List<String> statuses,
                          boolean openOnly, boolean atRisk, boolean breached, OffsetDateTime updatedSince) {

    public TicketQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
