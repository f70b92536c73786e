package crm.leads.service;

import crm.leads.domain.Channel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What may be set on a campaign (POST, PUT, and PATCH merged onto the current state). {@code endsOn}
 * null means open-ended; {@code unitId} null (HQ only) means brand-wide. A missing currency is the
 * configured default.
 */
public record NewCampaign(
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
        @NotBlank @Size(max = 200) String name,
        @NotNull Channel channel,
        @NotNull LocalDate startsOn,
        LocalDate endsOn,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId) {
}
