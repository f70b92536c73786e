package crm.leads.repository;

import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a list query of optional filters and a keyset page ordered by {@code (updated_at, id)}: each
 * filter whose value is present adds one condition with a numbered parameter. Filters name columns
 * only; the tenant is never among them (row-level security scopes every query).
 */
final class KeysetQuery {

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    KeysetQuery(String select) {
        this.sql = new StringBuilder(select);
    }

    /** Adds {@code and <condition>} with {@code ?} standing for the value's parameter, unless the value is null. */
    KeysetQuery and(String condition, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(condition.replace("?", "$" + args.size()));
        }
        return this;
    }

    /** Continues after the cursor's (updated_at, id); a cursor that does not decode to those is a 400. */
    KeysetQuery after(PageRequest page) {
        if (page.after() != null) {
            OffsetDateTime updatedAt;
            UUID id;
            try {
                updatedAt = OffsetDateTime.parse(page.after().sortKey());
                id = UUID.fromString(page.after().id());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
            }
            // A forged cursor could name an instant PostgreSQL cannot hold.
            if (updatedAt.getYear() < 1900 || updatedAt.getYear() > 2999) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
            }
            args.add(updatedAt);
            args.add(id);
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        }
        return this;
    }

    /** Runs the query for one page (plus one row, to learn whether another page follows). */
    Uni<RowSet<Row>> fetch(SqlConnection tx, PageRequest page) {
        List<Object> all = new ArrayList<>(args);
        all.add(page.fetchSize());
        return tx.preparedQuery(sql + " order by updated_at, id limit $" + all.size()).execute(Tuple.from(all));
    }
}
