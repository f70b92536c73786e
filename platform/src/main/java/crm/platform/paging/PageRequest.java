package crm.platform.paging;

import crm.platform.problem.ProblemException;

/** A bounded page: {@code limit} rows after the position the cursor encodes. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    /** Refuses a cursor that was issued for another sort than {@code sort}; see {@link Cursor#requireSort}. */
    public PageRequest requireSort(String sort, String defaultSort) {
        if (after != null) {
            after.requireSort(sort, defaultSort);
        }
        return this;
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
