package crm.leads.service;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.Territories;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The bodies of the workflow operations on a lead. Each lists exactly what the caller may say. */
public final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** contact and qualify: an optional note for the lead's history. */
    public record Step(@Size(max = 2000) String note) {
    }

    public record Disqualification(@NotBlank @Size(max = 500) String reason) {
    }

    /** Park the lead until a date (at most two years ahead); it stays in its owner's queue. */
    public record Nurturing(@NotNull LocalDate until, @Size(max = 500) String reason) {
    }

    /** Convert; optionally open an opportunity for the deal in the same step. */
    public record Conversion(boolean openOpportunity, @Valid OpportunityDraft opportunity) {
    }

    public record OpportunityDraft(@Size(max = 200) String name,
                                   @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
                                   BigDecimal amount,
                                   @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
                                   String currency,
                                   LocalDate expectedCloseOn) {
    }

    /**
     * Move a lead: to {@code queue: hq} (headquarters only), or to a unit (default: its current one) and an
     * owner there (none: the unit's queue).
     */
    public record Reassignment(@Pattern(regexp = Territories.KEY, message = "must be a unit id") String unitId,
                               @Size(max = 200) String ownerId, LeadQueue queue,
                               @NotBlank @Size(max = 500) String reason) {
    }

    /** A rep's activity: call attempt, call, e-mail, meeting or note; {@code occurredAt} defaults to now. */
    public record NewActivity(@NotNull ActivityKind kind, @Size(max = 100) String outcome,
                              @Size(max = 5000) String note, OffsetDateTime occurredAt) {
    }
}
