package crm.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The row contacts-service writes for {@code POST /api/v1/contacts} with a first name, last name and
 * e-mail, written straight into its table: the same columns (the others keep their defaults, as in the
 * service's row; the generated search columns are computed alike), in a transaction scoped to the tenant
 * as TenantScope scopes the service's, so row-level security checks it the same way. The service also
 * checks for duplicates and writes its outbox event in that transaction; this baseline does neither.
 */
final class ContactInsertSql {

    static final String SCOPE = "select set_config('crm.tenant_id', ?, true), set_config('crm.unit_id', '', true)";
    static final String INSERT = "insert into contact (id, first_name, last_name, email, emails, created_by)"
            + " values (?, 'Bench', ?, ?, jsonb_build_array(jsonb_build_object('type', 'other', 'address', ?,"
            + " 'primary', true)), 'bench')";

    private ContactInsertSql() {
    }

    /** The same insert as a pgbench script: one transaction per run of the script. */
    static String pgbenchScript(String tenant) {
        String email = "'pgbench.' || :client_id || '.' || :n || '@example.com'";
        return "\\set n random(1, 2000000000)\n"
                + "BEGIN;\n"
                + "SELECT set_config('crm.tenant_id', '" + tenant + "', true), set_config('crm.unit_id', '', true);\n"
                + "INSERT INTO contact (id, first_name, last_name, email, emails, created_by) VALUES (gen_random_uuid(),"
                + " 'Bench', 'Pgbench ' || :n, " + email + ", jsonb_build_array(jsonb_build_object('type', 'other',"
                + " 'address', " + email + ", 'primary', true)), 'bench');\n"
                + "COMMIT;\n";
    }

    /** One insert in its own transaction over JDBC (the fallback when there is no pgbench). */
    static void insert(Connection connection, String tenant) throws SQLException {
        connection.setAutoCommit(false);
        String unique = UUID.randomUUID().toString().substring(0, 12);
        String email = "jdbc." + unique + "@example.com";
        try (PreparedStatement scope = connection.prepareStatement(SCOPE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            scope.setString(1, tenant);
            scope.execute();
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "Jdbc " + unique);
            insert.setString(3, email);
            insert.setString(4, email);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
