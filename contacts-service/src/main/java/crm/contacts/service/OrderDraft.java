package crm.contacts.service;

import java.util.List;

/**
 * An order read from a bulk upload, before it is checked: the order (null if it could not be read), the
 * upload line it starts on, the upload line of each of its lines (CSV: one row per line), errors found while
 * reading, and whether field names are reported as CSV columns or as JSON paths.
 */
record OrderDraft(NewPurchase order, int line, List<Integer> itemLines, List<BulkReport.RowError> readErrors,
                  boolean csv) {

    /** Where an error about {@code field} (a JSON path such as lines[1].unitPrice) is in the upload. */
    BulkReport.RowError errorAt(String field, String reason) {
        if (!csv) {
            return new BulkReport.RowError(line, field, reason);
        }
        java.util.regex.Matcher item = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.?(.*)").matcher(field);
        if (item.matches()) {
            int index = Integer.parseInt(item.group(1));
            int at = index < itemLines.size() ? itemLines.get(index) : line;
            return new BulkReport.RowError(at, item.group(2).isEmpty() ? "sku" : CsvPurchases.column(item.group(2)),
                    reason);
        }
        return new BulkReport.RowError(line, CsvPurchases.column(field), reason);
    }
}
