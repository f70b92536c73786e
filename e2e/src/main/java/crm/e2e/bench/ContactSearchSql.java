package crm.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The SQL contacts-service runs for {@code GET /api/v1/contacts?q=<term>} (default sort with a term:
 * relevance; default page of 50, fetched as 51 to know whether there is a next page), copied from
 * {@code crm.contacts.repository.ContactRepository#search} with its column list, in a transaction set up
 * as TenantScope sets the service's (tenant scope, then the fuzzy-match threshold). Keep it in step with
 * the service when its search changes, or the baseline compares against another query.
 */
final class ContactSearchSql {

    static final String COLUMNS = "id, unit_id, salutation, academic_title, first_name, last_name, emails,"
            + " phones, addresses, company_id, lifecycle_stage, owner_id, tags, source, version, created_by,"
            + " created_at, updated_at, custom_fields, external_id";
    private static final String C_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");
    static final String FUZZY_THRESHOLD = "select set_config('pg_trgm.word_similarity_threshold', '0.4', true)";
    static final String SEARCH = statement("search_fold($1) <% c.search_text or c.search_text like search_fold($2)",
            "search_fold($1) <% co.search_text or co.search_text like search_fold($2)");
    /** The first statement of a search: literal matches only, enough when they fill the page. */
    static final String LITERAL_SEARCH = statement("c.search_text like search_fold($2)",
            "co.search_text like search_fold($2)");
    static final int FETCH_SIZE = 51;

    private static String statement(String contactMatch, String companyMatch) {
        return "with hits as (select c.id, word_similarity(search_fold($1), c.search_text)"
                + " + (c.search_text like search_fold($2))::int as score from contact c"
                + " where (" + contactMatch + ") and c.merged_into is null"
                + " union all select c.id, word_similarity(search_fold($1), co.search_text)"
                + " + (co.search_text like search_fold($2))::int from company co"
                + " join contact c on c.company_id = co.id"
                + " where (" + companyMatch + ") and c.merged_into is null"
                + "), ranked as (select id, max(score)::real as score from hits group by id)"
                + ", page as (select id, score from ranked order by score desc, id desc limit $3)"
                + " select " + C_COLUMNS + ", r.score::text as sort_value from contact c join page r on r.id = c.id"
                + " order by r.score desc, c.id desc";
    }

    /**
     * The service's client numbers its parameters ({@code $1} may stand several times); JDBC takes them
     * as {@code ?} in order. The statement stays the same text otherwise, so PostgreSQL plans the same query.
     */
    private static String jdbc(String statement) {
        return statement.replaceAll("\\$[0-9]", "?");
    }

    private static int[] parameterOrder(String statement) {
        return Pattern.compile("\\$([0-9])").matcher(statement).results().mapToInt(m -> Integer.parseInt(m.group(1)))
                .toArray();
    }

    /**
     * One search, as the service runs it (literal matches first, the full search when they do not fill
     * the page above every merely similar record), reading every row; returns the number of rows.
     */
    static int search(Connection connection, String tenant, String term) throws SQLException {
        connection.setAutoCommit(false);
        Object[] values = {term, likePattern(term), FETCH_SIZE};
        try (PreparedStatement scope = connection.prepareStatement(ContactInsertSql.SCOPE);
             PreparedStatement threshold = connection.prepareStatement(FUZZY_THRESHOLD)) {
            scope.setString(1, tenant);
            scope.execute();
            threshold.execute();
            Read literal = read(connection, LITERAL_SEARCH, values);
            int rows = literal.rows() == FETCH_SIZE && literal.lastScore() > 1 ? literal.rows()
                    : read(connection, SEARCH, values).rows();
            connection.commit();
            return rows;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private record Read(int rows, float lastScore) {
    }

    private static Read read(Connection connection, String statement, Object[] values) throws SQLException {
        int[] order = parameterOrder(statement);
        try (PreparedStatement search = connection.prepareStatement(jdbc(statement))) {
            for (int i = 0; i < order.length; i++) {
                search.setObject(i + 1, values[order[i] - 1]);
            }
            int rows = 0;
            float lastScore = 0;
            try (ResultSet result = search.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int column = 1; column <= columns; column++) {
                        result.getObject(column);
                    }
                    lastScore = Float.parseFloat(result.getString("sort_value"));
                    rows++;
                }
            }
            return new Read(rows, lastScore);
        }
    }

    static String likePattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
