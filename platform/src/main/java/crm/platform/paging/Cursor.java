package crm.platform.paging;

import crm.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset position: the sort it belongs to, the sort key and the id of the last row of a page.
 * Keyset paging stays stable while rows are inserted, unlike offsets. A cursor only makes sense with the
 * sort it was issued for, hence {@link #requireSort}.
 */
public record Cursor(String sort, String sortKey, String id) {

    private static final char SEPARATOR = '\u001f';

    public Cursor {
        sort = sort == null ? "" : sort;
    }

    /** A cursor of a list with one fixed order. */
    public Cursor(String sortKey, String id) {
        this("", sortKey, id);
    }

    public String encode() {
        String raw = (sort.isEmpty() ? "" : sort + SEPARATOR) + sortKey + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            if (token.length() > 512) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            return switch (parts.length) {
                case 2 -> new Cursor(parts[0], parts[1]);
                case 3 -> new Cursor(parts[0], parts[1], parts[2]);
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    /**
     * Refuses a cursor issued for another sort: its position means nothing in this order. A cursor
     * without a sort belongs to {@code defaultSort}.
     */
    public Cursor requireSort(String expected, String defaultSort) {
        String own = sort.isEmpty() ? defaultSort : sort;
        if (!own.equals(expected)) {
            throw ProblemException.badRequest("cursor", "was issued for sort " + own
                    + "; use it with that sort or start again without a cursor");
        }
        return this;
    }
}
