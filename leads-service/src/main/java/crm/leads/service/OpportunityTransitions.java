package crm.leads.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies of the workflow steps of an opportunity. */
public final class OpportunityTransitions {

    private OpportunityTransitions() {
    }

    /** Move an open opportunity to another open stage of the pipeline. */
    public record StageMove(
            @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
            @NotBlank @Size(max = 40) String stage) {
    }

    /** Win it; {@code closedOn} is the day the deal was won (default today), which the forecast counts it in. */
    public record Win(LocalDate closedOn) {
    }

    /** Lose it, saying why (e.g. "price", "went with a competitor"); {@code closedOn} as for winning. */
    public record Loss(
            @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
            @NotBlank @Size(max = 500) String reason, LocalDate closedOn) {
    }
}
