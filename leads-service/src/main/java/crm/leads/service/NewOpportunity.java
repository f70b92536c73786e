package crm.leads.service;

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
import java.util.List;
import java.util.UUID;

/**
 * What a caller may set on an opportunity (POST, and PATCH merged onto the current state). {@code stage}
 * picks the starting stage (default: the pipeline's first); later moves go through POST .../stage.
 * With lines, {@code amount} is their sum and must be left out; without, it is the caller's estimate.
 * Status, probability, lead, tenant, id, version and timestamps are not here.
 */
public record NewOpportunity(
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE) @Size(max = 40) String stage,
        @DecimalMin("0.00") @DecimalMax("99999999999999.99") @Digits(integer = 14, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        @NotNull LocalDate expectedCloseOn,
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE) @Size(max = 100) String ownerId,
        UUID contactId,
        UUID companyId,
        UUID campaignId,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId,
        @Size(max = 100) @Valid List<@NotNull Line> lines) {

    /**
     * A line item: a catalogue SKU, the quantity (services may be fractional, e.g. hours), the unit price
     * (default: the item's list price) and a discount in percent (default 0).
     */
    public record Line(
            @NotBlank @Size(max = 64) @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,63}\\s*",
                    message = "must be a catalogue SKU") String sku,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal quantity,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {
    }
}
