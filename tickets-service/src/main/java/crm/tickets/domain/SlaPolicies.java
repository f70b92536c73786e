package crm.tickets.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's SLA policies. A ticket is held to the policy of its priority and its customer's tier; without
 * a tier-specific one, to the policy of its priority for every tier; without either, to none.
 */
public record SlaPolicies(
        @Min(1) @Max(99) Integer warningPercent,
        @NotNull @Size(max = 100) List<@Valid @NotNull SlaPolicy> policies) {

    public static final int DEFAULT_WARNING_PERCENT = 80;

    public SlaPolicies {
        warningPercent = warningPercent == null ? DEFAULT_WARNING_PERCENT : warningPercent;
        // A missing list stays missing, so that validation refuses it instead of storing "no policies".
        policies = policies == null ? null : List.copyOf(policies);
    }

    /**
     * What a tenant has before it configures its own: common targets in business minutes, a warning at 80 %,
     * and a breach that raises the priority and notifies the manager.
     */
    public static SlaPolicies standard() {
        List<EscalationAction> onBreach = List.of(EscalationAction.RAISE_PRIORITY, EscalationAction.NOTIFY_MANAGER);
        return new SlaPolicies(DEFAULT_WARNING_PERCENT, List.of(
                new SlaPolicy("urgent", Priority.URGENT, null, 30L, 240L, null, List.of(), onBreach, null),
                new SlaPolicy("high", Priority.HIGH, null, 60L, 480L, null, List.of(), onBreach, null),
                new SlaPolicy("normal", Priority.NORMAL, null, 240L, 1440L, null, List.of(), onBreach, null),
                new SlaPolicy("low", Priority.LOW, null, 480L, 2880L, null, List.of(), onBreach, null)));
    }

    public Optional<SlaTerms> termsFor(Priority priority, String tier) {
        Optional<SlaPolicy> specific = policies.stream()
                .filter(p -> p.priority() == priority && p.tier() != null && p.tier().equals(tier)).findFirst();
        Optional<SlaPolicy> general = policies.stream()
                .filter(p -> p.priority() == priority && p.tier() == null).findFirst();
        return specific.or(() -> general).map(p -> p.terms(warningPercent));
    }
}
