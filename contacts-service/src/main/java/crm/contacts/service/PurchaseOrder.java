package crm.contacts.service;

import crm.contacts.domain.Purchase;
import crm.platform.problem.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The checks of an order that bean validation cannot express, and the computed money: each line's total
 * is quantity times unit price, the order's total their sum, in two decimals.
 */
final class PurchaseOrder {

    /** What numeric(14, 2) holds. */
    static final BigDecimal LARGEST_TOTAL = new BigDecimal("999999999999.99");
    /** A till's clock may run ahead a little; an order days in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(24);

    private PurchaseOrder() {
    }

    /** Field errors of a bean-valid order, by field name of the JSON form (lines[0].sku, contactId, ...). */
    static List<Problem.FieldError> check(NewPurchase p) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p.contactId() == null && (p.contactEmail() == null || p.contactEmail().isBlank())) {
            errors.add(new Problem.FieldError("contactId", "name the buyer by contactId or contactEmail"));
        }
        try {
            Currency.getInstance(p.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (!Instants.isPlausible(p.purchasedAt())) {
            errors.add(new Problem.FieldError("purchasedAt", "must be between the years 1900 and 2200"));
        } else if (p.purchasedAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC).plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("purchasedAt", "must not be in the future"));
        }
        if (errors.isEmpty() && total(lines(p)).compareTo(LARGEST_TOTAL) > 0) {
            errors.add(new Problem.FieldError("lines", "the order total exceeds " + LARGEST_TOTAL.toPlainString()));
        }
        return errors;
    }

    static List<Purchase.Line> lines(NewPurchase p) {
        return p.lines().stream().map(l -> {
            BigDecimal price = l.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
            return new Purchase.Line(l.sku().strip(), l.quantity(), price,
                    price.multiply(BigDecimal.valueOf(l.quantity())).setScale(2, RoundingMode.UNNECESSARY));
        }).toList();
    }

    static BigDecimal total(List<Purchase.Line> lines) {
        return lines.stream().map(Purchase.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    static OffsetDateTime purchasedAt(NewPurchase p) {
        return p.purchasedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String email(NewPurchase p) {
        return p.contactEmail() == null || p.contactEmail().isBlank() ? null
                : p.contactEmail().strip().toLowerCase(Locale.ROOT);
    }
}
