package crm.leads.service;

import crm.leads.domain.ProductKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What HQ may set on a catalogue item (POST, PUT, and PATCH merged onto the current state). Tenant, id,
 * version and timestamps are not here: a body that carries them changes nothing. A missing currency is
 * the configured default, a missing {@code active} means active.
 */
public record NewProduct(
        @NotBlank @Size(max = 80) @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,63}\\s*",
                message = "must be 1-64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit")
        String sku,
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE)
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = SalesInputs.NO_NUL, message = SalesInputs.NO_NUL_MESSAGE) @Size(max = 100) String category,
        @NotNull ProductKind kind,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal listPrice,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        Boolean active) {
}
