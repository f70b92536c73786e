package crm.contacts.service;

import crm.contacts.domain.PurchaseChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One order as a shop or point-of-sale system reports it (a single POST, or one NDJSON line of a bulk
 * upload). The buyer is named by contactId or by contactEmail (the primary e-mail of an existing contact);
 * unitId is the selling unit. Totals are computed here, never taken from the sender.
 */
public record NewPurchase(
        @NotBlank @Size(max = 100) String externalOrderId,
        UUID contactId,
        @Email @Size(max = 254) String contactEmail,
        @NotNull OffsetDateTime purchasedAt,
        @NotNull PurchaseChannel channel,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a unit id") String unitId,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull NewPurchaseLine> lines) {
}
