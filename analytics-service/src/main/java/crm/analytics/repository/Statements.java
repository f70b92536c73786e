package crm.analytics.repository;

import crm.analytics.domain.SalesDeltas;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/** Small helpers for the SQL of the read model. */
public final class Statements {

    private Statements() {
    }

    /**
     * Runs independent statements of one transaction together: the client pipelines them on the
     * connection (in submission order) instead of waiting for each answer in turn.
     */
    public static Uni<Void> together(List<Uni<?>> statements) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(statements).discardItems();
    }

    /**
     * Creates a row with {@code insertIfMissing} when there is none and reads it with {@code selectForUpdate},
     * locked for the transaction, in one round trip: both are sent at once, and the connection runs them
     * in order, so the select sees the placeholder.
     */
    static Uni<Row> lockedRow(SqlConnection tx, String insertIfMissing, String selectForUpdate, Tuple key) {
        Uni<?> placeholder = tx.preparedQuery(insertIfMissing).execute(key);
        Uni<Row> locked = tx.preparedQuery(selectForUpdate).execute(key).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(placeholder, locked).asTuple().map(both -> both.getItem2());
    }

    /** Numeric arrays travel as text[] and are cast in SQL ($n::text[]::numeric[]): exact, whatever the scale. */
    static String[] decimals(Collection<BigDecimal> values) {
        return values.stream().map(v -> v == null ? null : v.toPlainString()).toArray(String[]::new);
    }

    /** Empty column lists for an unnest() insert. */
    static List<List<Object>> columns(int count) {
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(new ArrayList<>());
        }
        return columns;
    }

    /** Column lists as typed arrays for unnest(): counters as Integer[], everything else as String[]. */
    static Tuple arrays(List<List<Object>> columns) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            List<Object> column = columns.get(i);
            boolean numbers = column.stream().anyMatch(v -> v instanceof Integer);
            values[i] = numbers ? column.toArray(Integer[]::new) : column.toArray(String[]::new);
        }
        return Tuple.from(values);
    }

    /** Key column {@code index} of aggregate rows, as an array for unnest(). */
    static <T> T[] column(List<SalesDeltas.Row> rows, int index, IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            T value = (T) rows.get(i).key().get(index);
            values[i] = value;
        }
        return values;
    }

    /** How many orders (or baskets) touched each row. */
    static Integer[] counts(List<SalesDeltas.Row> rows) {
        return rows.stream().map(r -> r.sums().count()).toArray(Integer[]::new);
    }
}
