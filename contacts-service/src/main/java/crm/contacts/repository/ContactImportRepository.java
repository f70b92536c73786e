package crm.contacts.repository;

import crm.contacts.domain.ContactImport;
import crm.contacts.domain.ImportRowError;
import crm.contacts.domain.ImportStatus;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for import jobs and their error reports; row-level security scopes both to tenant and unit. */
@ApplicationScoped
public class ContactImportRepository {

    private static final String COLUMNS = "id, unit_id, status, rows_read, created_count, updated_count,"
            + " unchanged_count, failed_count, errors_listed, failure_reason, created_by, created_at, updated_at,"
            + " finished_at";

    /** The counts of a job after a batch. */
    public record Progress(long rowsRead, long created, long updated, long unchanged, long failed, long errorsListed) {

        public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0);

        public Progress plus(long read, long createdRows, long updatedRows, long unchangedRows, long failedRows,
                             long listed) {
            return new Progress(rowsRead + read, created + createdRows, updated + updatedRows,
                    unchanged + unchangedRows, failed + failedRows, errorsListed + listed);
        }
    }

    /** A job started with an Idempotency-Key, and the fingerprint of the body it was started with. */
    public record KeyedImport(ContactImport job, String bodySha256) {
    }

    /** Starts a job; empty when the caller started one with the same Idempotency-Key already. */
    public Uni<Optional<ContactImport>> create(SqlConnection tx, UUID id, String idempotencyKey, String createdBy) {
        return tx.preparedQuery("insert into contact_import (id, idempotency_key, created_by) values ($1, $2, $3)"
                        + " on conflict do nothing returning " + COLUMNS)
                .execute(Tuple.of(id, idempotencyKey, createdBy))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Uni<Optional<KeyedImport>> findByIdempotencyKey(SqlConnection tx, String createdBy, String key) {
        return tx.preparedQuery("select " + COLUMNS + ", body_sha256 from contact_import"
                        + " where created_by = $1 and idempotency_key = $2")
                .execute(Tuple.of(createdBy, key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(
                        new KeyedImport(map(rows.iterator().next()), rows.iterator().next().getString("body_sha256"))));
    }

    public Uni<Optional<ContactImport>> find(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from contact_import where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Newest first, keyset paged on (created_at, id). */
    public Uni<List<ContactImport>> list(SqlConnection tx, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from contact_import");
        if (page.after() != null) {
            KeysetPosition after = KeysetPosition.of(page.after());
            args.add(after.time());
            args.add(after.id());
            sql.append(" where (created_at, id) < ($1, $2)");
        }
        args.add(page.fetchSize());
        sql.append(" order by created_at desc, id desc limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<ContactImport> jobs = new ArrayList<>();
            rows.forEach(row -> jobs.add(map(row)));
            return jobs;
        });
    }

    /** A page of the error report in file order; the cursor holds the last row number and position. */
    public Uni<List<PositionedError>> errors(SqlConnection tx, UUID importId, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(importId));
        StringBuilder sql = new StringBuilder("select row_number, position, field, reason from contact_import_error"
                + " where import_id = $1");
        if (page.after() != null) {
            args.add(number(page.after().sortKey()));
            args.add(number(page.after().id()));
            sql.append(" and (row_number, position) > ($2, $3::integer)");
        }
        args.add(page.fetchSize());
        sql.append(" order by row_number, position limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<PositionedError> errors = new ArrayList<>();
            rows.forEach(row -> errors.add(new PositionedError(row.getLong("row_number"), row.getInteger("position"),
                    row.getString("field"), row.getString("reason"))));
            return errors;
        });
    }

    /** An error and its position within the report (row, then position in the row), which cursors carry. */
    public record PositionedError(long row, int position, String field, String reason) {
        public ImportRowError error() {
            return new ImportRowError(row, field, reason);
        }
    }

    /**
     * Locks a running job for the rest of the batch's transaction and answers the transaction's time;
     * empty when the job is no longer running (cancelled). A cancellation waits for this lock, so a batch
     * either commits wholly before the cancellation or not at all.
     */
    public Uni<Optional<OffsetDateTime>> lockRunning(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select now() as now from contact_import where id = $1 and status = 'running'"
                        + " for update")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime("now")));
    }

    public Uni<Void> recordProgress(SqlConnection tx, UUID id, Progress p) {
        return tx.preparedQuery("update contact_import set rows_read = $2, created_count = $3, updated_count = $4,"
                        + " unchanged_count = $5, failed_count = $6, errors_listed = $7, updated_at = now() where id = $1")
                .execute(Tuple.from(new Object[] {id, p.rowsRead(), p.created(), p.updated(), p.unchanged(), p.failed(),
                        p.errorsListed()}))
                .replaceWithVoid();
    }

    /**
     * Ends a running job with {@code status}; answers the job as it ended, or empty if it had ended already
     * (a cancellation came first).
     */
    public Uni<Optional<ContactImport>> finish(SqlConnection tx, UUID id, ImportStatus status, String reason,
                                               String bodySha256) {
        return tx.preparedQuery("update contact_import set status = $2, failure_reason = $3, body_sha256 = $4,"
                        + " finished_at = now(), updated_at = now() where id = $1 and status = 'running' returning "
                        + COLUMNS)
                .execute(Tuple.of(id, status.value(), reason, bodySha256))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Keeps the fingerprint of a cancelled job's file, so that a repeat under its Idempotency-Key is recognised. */
    public Uni<Void> recordBodyHash(SqlConnection tx, UUID id, String bodySha256) {
        return tx.preparedQuery("update contact_import set body_sha256 = $2 where id = $1")
                .execute(Tuple.of(id, bodySha256))
                .replaceWithVoid();
    }

    /** Writes a batch's errors; {@code errors} is a JSON array of {row_number, position, field, reason}. */
    public Uni<Void> insertErrors(SqlConnection tx, UUID importId, String errors) {
        return tx.preparedQuery("insert into contact_import_error (import_id, row_number, position, field, reason)"
                        + " select $1, e.row_number, e.position, e.field, e.reason from jsonb_to_recordset($2::text::jsonb)"
                        + " as e(row_number bigint, position integer, field text, reason text)")
                .execute(Tuple.of(importId, errors))
                .replaceWithVoid();
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    private static ContactImport map(Row row) {
        return new ContactImport(row.getUUID("id"), row.getString("unit_id"), ImportStatus.of(row.getString("status")),
                row.getLong("rows_read"), row.getLong("created_count"), row.getLong("updated_count"),
                row.getLong("unchanged_count"), row.getLong("failed_count"), row.getLong("errors_listed"),
                row.getString("failure_reason"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getOffsetDateTime("finished_at"));
    }
}
