package crm.contacts.service;

import crm.contacts.domain.PurchaseChannel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns CSV purchase rows into orders: one row per order line, and adjacent rows with the same
 * external_order_id form one order (the order-level columns are taken from its first row).
 */
final class CsvPurchases {

    static final List<String> COLUMNS = List.of("external_order_id", "contact_id", "contact_email", "sku", "quantity",
            "unit_price", "currency", "purchased_at", "channel", "unit_id");
    static final List<String> REQUIRED = List.of("external_order_id", "sku", "quantity", "unit_price", "currency",
            "purchased_at", "channel");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("externalOrderId", "external_order_id",
            "contactId", "contact_id", "contactEmail", "contact_email", "purchasedAt", "purchased_at",
            "unitId", "unit_id", "unitPrice", "unit_price", "lines", "sku");

    /** The header is missing a required column or names one twice: nothing of the upload can be read. */
    static final class BadHeader extends Exception {
        BadHeader(String message) {
            super(message, null, false, false);
        }
    }

    private final CsvRecordReader reader;
    private final Map<String, Integer> index = new HashMap<>();
    private CsvRecordReader.CsvRecord pending;

    CsvPurchases(CsvRecordReader reader) throws IOException, BadHeader {
        this.reader = reader;
        CsvRecordReader.CsvRecord header = reader.next();
        if (header == null || header.problem() != null) {
            throw new BadHeader("the first line must be the header: " + String.join(",", COLUMNS));
        }
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (index.put(name, i) != null) {
                throw new BadHeader("the header names column " + name + " twice");
            }
        }
        for (String column : REQUIRED) {
            if (!index.containsKey(column)) {
                throw new BadHeader("the header lacks column " + column + "; expected " + String.join(",", COLUMNS));
            }
        }
        if (!index.containsKey("contact_id") && !index.containsKey("contact_email")) {
            throw new BadHeader("the header needs contact_id or contact_email");
        }
    }

    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    /** The next order of adjacent rows, or null at the end; {@code rows} counts each data row read. */
    OrderDraft next(Runnable rows) throws IOException {
        CsvRecordReader.CsvRecord first = pending != null ? pending : nextNonBlank(rows);
        pending = null;
        if (first == null) {
            return null;
        }
        if (first.problem() != null) {
            return new OrderDraft(null, first.line(), List.of(first.line()),
                    List.of(new BulkReport.RowError(first.line(), "", first.problem())), true);
        }
        String orderId = value(first, "external_order_id");
        List<CsvRecordReader.CsvRecord> group = new ArrayList<>();
        group.add(first);
        if (orderId != null) {
            CsvRecordReader.CsvRecord next;
            while ((next = nextNonBlank(rows)) != null) {
                if (next.problem() == null && orderId.equals(value(next, "external_order_id"))) {
                    group.add(next);
                } else {
                    pending = next;
                    break;
                }
            }
        }
        return toDraft(group);
    }

    private CsvRecordReader.CsvRecord nextNonBlank(Runnable rows) throws IOException {
        CsvRecordReader.CsvRecord record;
        do {
            record = reader.next();
        } while (record != null && record.isBlank());
        if (record != null) {
            rows.run();
        }
        return record;
    }

    private OrderDraft toDraft(List<CsvRecordReader.CsvRecord> group) {
        CsvRecordReader.CsvRecord first = group.get(0);
        List<BulkReport.RowError> errors = new ArrayList<>();
        List<Integer> itemLines = new ArrayList<>();
        List<NewPurchaseLine> lines = new ArrayList<>();
        for (CsvRecordReader.CsvRecord row : group) {
            itemLines.add(row.line());
            lines.add(new NewPurchaseLine(value(row, "sku"), integer(row, "quantity", errors),
                    decimal(row, "unit_price", errors)));
        }
        NewPurchase order = new NewPurchase(value(first, "external_order_id"), uuid(first, "contact_id", errors),
                value(first, "contact_email"), time(first, "purchased_at", errors), channel(first, errors),
                value(first, "currency"), value(first, "unit_id"), lines);
        return new OrderDraft(order, first.line(), itemLines, errors, true);
    }

    private String value(CsvRecordReader.CsvRecord row, String column) {
        Integer at = index.get(column);
        if (at == null || at >= row.fields().size()) {
            return null;
        }
        String v = row.fields().get(at).strip();
        return v.isEmpty() ? null : v;
    }

    private Integer integer(CsvRecordReader.CsvRecord row, String column, List<BulkReport.RowError> errors) {
        String v = value(row, column);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new BulkReport.RowError(row.line(), column, "must be a whole number"));
            return null;
        }
    }

    private BigDecimal decimal(CsvRecordReader.CsvRecord row, String column, List<BulkReport.RowError> errors) {
        String v = value(row, column);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.add(new BulkReport.RowError(row.line(), column, "must be a decimal number such as 129.90"));
            return null;
        }
    }

    private UUID uuid(CsvRecordReader.CsvRecord row, String column, List<BulkReport.RowError> errors) {
        String v = value(row, column);
        try {
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            errors.add(new BulkReport.RowError(row.line(), column, "must be a contact id (UUID)"));
            return null;
        }
    }

    private OffsetDateTime time(CsvRecordReader.CsvRecord row, String column, List<BulkReport.RowError> errors) {
        String v = value(row, column);
        try {
            return v == null ? null : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new BulkReport.RowError(row.line(), column, "must be an ISO 8601 date-time with offset"));
            return null;
        }
    }

    private PurchaseChannel channel(CsvRecordReader.CsvRecord row, List<BulkReport.RowError> errors) {
        String v = value(row, "channel");
        try {
            return PurchaseChannel.of(v);
        } catch (IllegalArgumentException e) {
            errors.add(new BulkReport.RowError(row.line(), "channel", e.getMessage()));
            return null;
        }
    }
}
