package crm.tickets;

import crm.devstack.DevStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct access to the service's database as the PostgreSQL superuser, for what no API may do: moving a
 * ticket's clock into the past instead of waiting days. Tests use it only on rows they created.
 */
public final class TicketsDatabase {

    private TicketsDatabase() {
    }

    /** The single number a query answers, e.g. a count. */
    public static long number(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(DevStack.shared().postgres().jdbcUrl("tickets"), "postgres", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int execute(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(DevStack.shared().postgres().jdbcUrl("tickets"), "postgres", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
