package crm.contacts;

import crm.devstack.DevStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's database seen by its superuser, for checks across tenants that the API cannot make (and
 * must not be able to): row-level security does not bind a superuser.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(DevStack.shared().postgres().jdbcUrl("contacts"), "postgres", "");
    }

    /** The tables of the service's schema that have a contact_id column. */
    public static List<String> tablesWithContactId(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select table_name from information_schema.columns"
                + " where table_schema = 'public' and column_name = 'contact_id' order by table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    public static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
