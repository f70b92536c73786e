package crm.tickets.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The service level promised for tickets of one priority (and, optionally, one customer tier): business
 * minutes to the first public reply and to the resolution, when to warn, and what to do on warning and
 * breach.
 */
public record SlaPolicy(
        @NotBlank @Size(max = 100) String name,
        @NotNull Priority priority,
        @Size(max = 30) String tier,
        @NotNull @Min(1) @Max(525_600) Long firstResponseMinutes,
        @NotNull @Min(1) @Max(525_600) Long resolutionMinutes,
        @Min(1) @Max(99) Integer warningPercent,
        @Size(max = 3) List<@NotNull EscalationAction> warningActions,
        @Size(max = 3) List<@NotNull EscalationAction> breachActions,
        UUID escalationQueueId) {

    public SlaPolicy {
        warningActions = warningActions == null ? List.of() : List.copyOf(warningActions);
        breachActions = breachActions == null ? List.of() : List.copyOf(breachActions);
    }

    public SlaTerms terms(int defaultWarningPercent) {
        return new SlaTerms(name, firstResponseMinutes, resolutionMinutes,
                warningPercent == null ? defaultWarningPercent : warningPercent, warningActions, breachActions,
                escalationQueueId);
    }
}
