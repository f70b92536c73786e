package crm.tickets.repository;

import crm.platform.problem.ProblemException;
import java.util.List;
import java.util.UUID;

/** Small pieces of statement building the repositories share. */
final class Sql {

    private Sql() {
    }

    static String placeholders(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append(i == from ? "" : ", ").append('$').append(i);
        }
        return s.toString();
    }

    /** {@code a = $3, b = $4, ...} for the columns in order, numbered from {@code from}. */
    static String assignments(List<String> columns, int from) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = $").append(from + i);
        }
        return s.toString();
    }

    /** Appends {@code and <clause><n>} with the value as parameter n, when there is a value. */
    static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(clause).append(args.size());
        }
    }

    static UUID cursorId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }
}
