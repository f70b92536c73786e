package crm.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * Who in each unit takes new leads. A rep's {@code capacity} is the most open leads they may hold; a rep
 * at capacity, with capacity 0 or not active is skipped. A unit without reps keeps its leads in its queue.
 */
public record RoutingRules(@Size(max = 1000) List<@Valid @NotNull UnitRoster> units) {

    public RoutingRules {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public record UnitRoster(@NotBlank @Pattern(regexp = Territories.KEY, message = "must be a unit id") String unitId,
                             @NotNull AssignmentStrategy strategy,
                             @Size(max = 500) List<@Valid @NotNull Rep> reps) {

        public UnitRoster {
            reps = reps == null ? List.of() : List.copyOf(reps);
        }
    }

    /** {@code userId} is the rep's token subject, as in a lead's {@code ownerId}. */
    public record Rep(@NotBlank @Size(max = 200) String userId, @Min(0) @Max(100000) int capacity, Boolean active) {

        public boolean isActive() {
            return active == null || active;
        }
    }

    public Optional<UnitRoster> roster(String unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }

    public static RoutingRules none() {
        return new RoutingRules(List.of());
    }
}
