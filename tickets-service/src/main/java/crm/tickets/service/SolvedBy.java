package crm.tickets.service;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The knowledge-base articles that solved a ticket. */
public record SolvedBy(@NotEmpty @Size(max = 20) List<@NotNull UUID> articleIds) {
}
