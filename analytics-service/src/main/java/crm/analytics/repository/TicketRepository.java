package crm.analytics.repository;

import crm.analytics.domain.TicketState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tickets and the service figures they contribute to. */
@ApplicationScoped
public class TicketRepository {

    private static final String COLUMNS = "ticket_id, unit_id, contact_id, queue_key, queue_name, category, priority,"
            + " opened_at, is_open, resolved_at, first_response_minutes, resolution_minutes, first_response_met,"
            + " resolution_met, rating, rated_at";

    private static final String SAVE = "update ticket_fact set unit_id = $2, contact_id = $3, queue_key = $4,"
            + " queue_name = $5, category = $6, priority = $7, opened_at = $8, is_open = $9, resolved_at = $10,"
            + " first_response_minutes = $11, resolution_minutes = $12, first_response_met = $13,"
            + " resolution_met = $14, rating = $15, rated_at = $16 where ticket_id = $1";

    private static final String SERVICE_MONTH = """
            insert into service_month (unit_id, month, opened, resolved, first_response_measured, first_response_met,
                                       resolution_measured, resolution_met, rating_sum, ratings)
            select * from unnest($1::text[], $2::text[]::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[],
                                 $8::int[], $9::int[], $10::int[])
            on conflict (tenant_id, scope_key, month) do update
            set opened = service_month.opened + excluded.opened,
                resolved = service_month.resolved + excluded.resolved,
                first_response_measured = service_month.first_response_measured + excluded.first_response_measured,
                first_response_met = service_month.first_response_met + excluded.first_response_met,
                resolution_measured = service_month.resolution_measured + excluded.resolution_measured,
                resolution_met = service_month.resolution_met + excluded.resolution_met,
                rating_sum = service_month.rating_sum + excluded.rating_sum,
                ratings = service_month.ratings + excluded.ratings""";

    private static final String SERVICE_MINUTES = """
            insert into service_minutes (unit_id, month, metric, minutes, tickets)
            select * from unnest($1::text[], $2::text[]::date[], $3::text[], $4::int[], $5::int[])
            on conflict (tenant_id, scope_key, month, metric, minutes) do update
            set tickets = service_minutes.tickets + excluded.tickets""";

    private static final String BACKLOG = """
            insert into ticket_backlog (unit_id, queue_key, queue_name, open)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::int[])
            on conflict (tenant_id, unit_key, queue_key) do update
            set open = ticket_backlog.open + excluded.open,
                queue_name = coalesce(excluded.queue_name, ticket_backlog.queue_name)""";

    private static final String CATEGORIES = """
            insert into ticket_category (unit_id, period, period_start, category, tickets)
            select * from unnest($1::text[], $2::text[], $3::text[]::date[], $4::text[], $5::int[])
            on conflict (tenant_id, scope_key, period, period_start, category) do update
            set tickets = ticket_category.tickets + excluded.tickets""";

    /** A service-month cell in one scope. */
    public record MonthCell(String scopeUnit, LocalDate month) {
    }

    /** A histogram bucket: scope, month, metric (first_response, resolution) and whole minutes. */
    public record MinutesCell(String scopeUnit, LocalDate month, String metric, int minutes) {
    }

    /** A backlog cell: unit (null = none) and queue, with the queue's latest name. */
    public record BacklogCell(String unitId, String queueKey, String queueName) {
    }

    /** A category cell in one scope and period. */
    public record CategoryCell(String scopeUnit, String period, LocalDate start, String category) {
    }

    /** The ticket's state, locked for this transaction (a placeholder when it is new). */
    public Uni<TicketState> lockTicket(SqlConnection tx, UUID ticketId) {
        return Statements.lockedRow(tx,
                "insert into ticket_fact (ticket_id) values ($1) on conflict (tenant_id, ticket_id) do nothing",
                "select " + COLUMNS + " from ticket_fact where ticket_id = $1 for update", Tuple.of(ticketId))
                .map(TicketRepository::map);
    }

    public Uni<Void> save(SqlConnection tx, TicketState s) {
        return tx.preparedQuery(SAVE).execute(Tuple.from(new Object[] {s.ticketId(), s.unitId(), s.contactId(),
                        s.queueKey(), s.queueName(), s.category(), s.priority(), s.openedAt(), s.open(), s.resolvedAt(),
                        s.firstResponseMinutes(), s.resolutionMinutes(), s.firstResponseMet(), s.resolutionMet(),
                        s.rating() == null ? null : s.rating().shortValue(), s.ratedAt()}))
                .replaceWithVoid();
    }

    /** opened, resolved, first response measured/met, resolution measured/met, rating sum, ratings. */
    public Uni<?> addToServiceMonth(SqlConnection tx, Map<MonthCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(10);
        changes.forEach((cell, counts) -> {
            columns.get(0).add(cell.scopeUnit());
            columns.get(1).add(cell.month().toString());
            for (int i = 0; i < 8; i++) {
                columns.get(2 + i).add((int) counts[i]);
            }
        });
        return tx.preparedQuery(SERVICE_MONTH).execute(Statements.arrays(columns));
    }

    public Uni<?> addToMinutes(SqlConnection tx, Map<MinutesCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(5);
        changes.forEach((cell, counts) -> {
            columns.get(0).add(cell.scopeUnit());
            columns.get(1).add(cell.month().toString());
            columns.get(2).add(cell.metric());
            columns.get(3).add(cell.minutes());
            columns.get(4).add((int) counts[0]);
        });
        return tx.preparedQuery(SERVICE_MINUTES).execute(Statements.arrays(columns));
    }

    public Uni<?> addToBacklog(SqlConnection tx, Map<BacklogCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(4);
        changes.forEach((cell, counts) -> {
            columns.get(0).add(cell.unitId());
            columns.get(1).add(cell.queueKey());
            columns.get(2).add(cell.queueName());
            columns.get(3).add((int) counts[0]);
        });
        return tx.preparedQuery(BACKLOG).execute(Statements.arrays(columns));
    }

    public Uni<?> addToCategories(SqlConnection tx, Map<CategoryCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(5);
        changes.forEach((cell, counts) -> {
            columns.get(0).add(cell.scopeUnit());
            columns.get(1).add(cell.period());
            columns.get(2).add(cell.start().toString());
            columns.get(3).add(cell.category());
            columns.get(4).add((int) counts[0]);
        });
        return tx.preparedQuery(CATEGORIES).execute(Statements.arrays(columns));
    }

    /** Tickets of a contact (privacy export). */
    public Uni<RowSet<Row>> ticketsOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select ticket_id, unit_id, category, priority, opened_at, resolved_at, rating"
                + " from ticket_fact where contact_id = $1 order by opened_at, ticket_id").execute(Tuple.of(contactId));
    }


    private static TicketState map(Row r) {
        Short rating = r.getShort("rating");
        return new TicketState(r.getUUID("ticket_id"), r.getString("unit_id"), r.getUUID("contact_id"),
                r.getString("queue_key"), r.getString("queue_name"), r.getString("category"), r.getString("priority"),
                r.getOffsetDateTime("opened_at"), r.getBoolean("is_open"), r.getOffsetDateTime("resolved_at"),
                r.getInteger("first_response_minutes"), r.getInteger("resolution_minutes"),
                r.getBoolean("first_response_met"), r.getBoolean("resolution_met"),
                rating == null ? null : rating.intValue(), r.getOffsetDateTime("rated_at"));
    }
}
