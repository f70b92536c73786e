package crm.contacts.domain;

/**
 * When an import refreshes the contact table's planner statistics. PostgreSQL plans a tenant's queries
 * with the tenant's share of the table as its last ANALYZE saw it. A tenant that was absent then (new, or
 * importing into a table that another tenant's million rows dominate) is estimated at about one row, and
 * the import's lookup of the batch's keys then scans the whole tenant once per contact: each batch
 * slower than the one before, until the import stalls. Autovacuum analyzes only after a tenth of the
 * table changed, which in a large table comes far too late. So the import analyzes the table itself
 * after its first {@link #FIRST} created rows and again whenever its created rows have doubled since: the
 * statistics never count less than half of what the import has added, a few ANALYZEs per million rows.
 */
public final class ImportStatistics {

    /** Created rows after which the import first analyzes; from there, each doubling. */
    public static final long FIRST = 5_000;

    private ImportStatistics() {
    }

    /** Whether a batch that took the job's created rows from {@code before} to {@code after} calls for ANALYZE. */
    public static boolean refreshDue(long before, long after) {
        for (long threshold = FIRST; threshold > 0 && threshold <= after; threshold *= 2) {
            if (threshold > before) {
                return true;
            }
        }
        return false;
    }
}
