package crm.tickets.service;

import crm.tickets.domain.TicketStatus;
import jakarta.validation.constraints.NotNull;

/** The status a ticket should move to. */
public record StatusChange(@NotNull TicketStatus status) {
}
