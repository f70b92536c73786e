package crm.contacts.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a bulk upload of purchases. Counts are of orders: {@code received = created + duplicates +
 * failed}; {@code rows} counts the data rows (CSV) or lines (NDJSON) read. Each error names the line of the
 * upload, the field (CSV column or JSON path) and the reason; at most {@value #MAX_ERRORS} are listed.
 */
public record BulkReport(int rows, int received, int created, int duplicates, int failed, List<RowError> errors,
                         boolean errorsTruncated) {

    public static final int MAX_ERRORS = 1_000;

    public record RowError(int line, String field, String reason) {
    }

    /** Collects the outcome while an upload is read. */
    static final class Tally {
        private int rows;
        private int received;
        private int created;
        private int duplicates;
        private int failed;
        private final List<RowError> errors = new ArrayList<>();
        private boolean truncated;

        void row() {
            rows++;
        }

        void received() {
            received++;
        }

        void created() {
            created++;
        }

        void duplicate() {
            duplicates++;
        }

        void failed(List<RowError> why) {
            failed++;
            for (RowError error : why) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(error);
                } else {
                    truncated = true;
                }
            }
        }

        /** Errors come in line order, whether an order failed while read or while stored. */
        BulkReport report() {
            List<RowError> sorted = errors.stream()
                    .sorted(java.util.Comparator.comparingInt(RowError::line).thenComparing(RowError::field)).toList();
            return new BulkReport(rows, received, created, duplicates, failed, sorted, truncated);
        }
    }
}
