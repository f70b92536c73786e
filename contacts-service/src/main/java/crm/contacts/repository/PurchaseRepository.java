package crm.contacts.repository;

import crm.contacts.domain.Purchase;
import crm.contacts.domain.PurchaseChannel;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for purchases and their lines; scoped by row-level security. */
@ApplicationScoped
public class PurchaseRepository {

    private static final String COLUMNS = "id, unit_id, selling_unit_id, contact_id, external_order_id, purchased_at,"
            + " channel, currency, total, buyer_email, created_by, created_at";

    /**
     * Records the order and its lines unless the tenant already has one with this external order id; empty
     * when it has (a repeat from the shop or till: a duplicate, not an error).
     */
    public Uni<Optional<Purchase>> insertUnlessKnown(SqlConnection tx, Purchase p) {
        return tx.preparedQuery("insert into purchase (id, unit_id, selling_unit_id, contact_id, external_order_id,"
                        + " purchased_at, channel, currency, total, buyer_email, created_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                        + " on conflict (tenant_id, external_order_id) do nothing returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {p.id(), p.unitId(), p.sellingUnitId(), p.contactId(),
                        p.externalOrderId(), p.purchasedAt(), p.channel().value(), p.currency(), p.total(),
                        p.buyerEmail(), p.createdBy()}))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Purchase>empty());
                    }
                    Purchase stored = map(rows.iterator().next(), p.lines());
                    return insertLines(tx, stored).replaceWith(Optional.of(stored));
                });
    }

    private Uni<Void> insertLines(SqlConnection tx, Purchase p) {
        List<Tuple> batch = new ArrayList<>();
        for (int i = 0; i < p.lines().size(); i++) {
            Purchase.Line l = p.lines().get(i);
            batch.add(Tuple.from(new Object[] {p.id(), i + 1, p.unitId(), l.sku(), l.quantity(), l.unitPrice(),
                    l.lineTotal()}));
        }
        return tx.preparedQuery("insert into purchase_line (purchase_id, line_no, unit_id, sku, quantity, unit_price,"
                        + " line_total) values ($1, $2, $3, $4, $5, $6, $7)")
                .executeBatch(batch)
                .replaceWithVoid();
    }

    public Uni<Optional<Purchase>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from purchase where id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> withLines(tx, rows))
                .map(found -> found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)));
    }

    /** Whether the tenant knows this external order id at all, including in units the caller cannot see. */
    public Uni<Optional<Purchase>> findVisibleByExternalOrderId(SqlConnection tx, String externalOrderId) {
        return tx.preparedQuery("select " + COLUMNS + " from purchase where external_order_id = $1")
                .execute(Tuple.of(externalOrderId))
                .flatMap(rows -> withLines(tx, rows))
                .map(found -> found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)));
    }

    /** Newest first, keyset paged; optionally one contact's purchases only. */
    public Uni<List<Purchase>> page(SqlConnection tx, UUID contactId, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from purchase where true");
        if (contactId != null) {
            args.add(contactId);
            sql.append(" and contact_id = $").append(args.size());
        }
        if (page.after() != null) {
            KeysetPosition after = KeysetPosition.of(page.after());
            args.add(after.time());
            args.add(after.id());
            sql.append(" and (purchased_at, id) < ($").append(args.size() - 1).append(", $").append(args.size())
                    .append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by purchased_at desc, id desc limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).flatMap(rows -> withLines(tx, rows));
    }

    public Uni<List<Purchase>> allOfContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from purchase where contact_id = $1 order by purchased_at, id")
                .execute(Tuple.of(contactId))
                .flatMap(rows -> withLines(tx, rows));
    }

    private Uni<List<Purchase>> withLines(SqlConnection tx, io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Map<UUID, Row> heads = new LinkedHashMap<>();
        rows.forEach(row -> heads.put(row.getUUID("id"), row));
        if (heads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("select purchase_id, sku, quantity, unit_price, line_total from purchase_line"
                        + " where purchase_id = any($1) order by purchase_id, line_no")
                .execute(Tuple.of(heads.keySet().toArray(UUID[]::new)))
                .map(lineRows -> {
                    Map<UUID, List<Purchase.Line>> lines = new LinkedHashMap<>();
                    lineRows.forEach(l -> lines.computeIfAbsent(l.getUUID("purchase_id"), k -> new ArrayList<>())
                            .add(new Purchase.Line(l.getString("sku"), l.getInteger("quantity"),
                                    l.getBigDecimal("unit_price"), l.getBigDecimal("line_total"))));
                    List<Purchase> result = new ArrayList<>();
                    heads.forEach((id, row) -> result.add(map(row, lines.getOrDefault(id, List.of()))));
                    return result;
                });
    }

    private static Purchase map(Row row, List<Purchase.Line> lines) {
        return new Purchase(row.getUUID("id"), row.getString("unit_id"), row.getString("selling_unit_id"),
                row.getUUID("contact_id"), row.getString("external_order_id"), row.getOffsetDateTime("purchased_at"),
                PurchaseChannel.of(row.getString("channel")), row.getString("currency"), row.getBigDecimal("total"),
                row.getString("buyer_email"), lines, row.getString("created_by"), row.getOffsetDateTime("created_at"));
    }
}
