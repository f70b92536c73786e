package crm.platform.concurrency;

import crm.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code If-Match} header demands of an aggregate's version (its ETag). Without the header any
 * version is accepted; the update is still atomic because the version read in the transaction is the
 * one the UPDATE's where clause checks.
 */
public record ExpectedVersion(List<Integer> versions, boolean any) {

    public static final ExpectedVersion ANY = new ExpectedVersion(List.of(), true);

    public ExpectedVersion {
        versions = List.copyOf(versions);
    }

    /** Parses {@code "3"}, {@code W/"3"}, a comma-separated list of those, or {@code *}. */
    public static ExpectedVersion ofIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ANY;
        }
        List<Integer> versions = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                versions.add(Integer.parseInt(tag));
            } catch (NumberFormatException e) {
                // A tag this API never issued matches no version: the precondition fails with 412.
                versions.add(-1);
            }
        }
        return new ExpectedVersion(versions, false);
    }

    /** Fails with 412 unless {@code current} is what the client based its change on. */
    public void check(String what, int current) {
        if (!any && !versions.contains(current)) {
            throw stale(what);
        }
    }

    public static ProblemException stale(String what) {
        return ProblemException.preconditionFailed(what + " was changed by someone else; read it again and"
                + " send If-Match with its current ETag");
    }

    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }
}
