package crm.contacts.service;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One position of an order: product SKU, how many, and the price of one, with at most two decimals. */
public record NewPurchaseLine(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(1) @Max(100_000) Integer quantity,
        @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal unitPrice) {
}
