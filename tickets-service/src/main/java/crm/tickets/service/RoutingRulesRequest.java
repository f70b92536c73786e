package crm.tickets.service;

import crm.tickets.domain.RoutingRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole ordered list of a tenant's routing rules, as PUT replaces it. */
public record RoutingRulesRequest(@NotNull @Size(max = 100) List<@Valid @NotNull RoutingRule> rules) {
}
