package crm.platform.paging;

import crm.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset position: the sort key and the id of the last row of a page. Keyset paging stays
 * stable while rows are inserted, unlike offsets.
 */
public record Cursor(String sortKey, String id) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        String raw = sortKey + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int split = raw.indexOf(SEPARATOR);
            if (split < 0 || token.length() > 512) {
                throw new IllegalArgumentException();
            }
            return new Cursor(raw.substring(0, split), raw.substring(split + 1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }
}
