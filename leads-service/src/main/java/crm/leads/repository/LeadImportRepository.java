package crm.leads.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.leads.domain.Channel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** CSV import jobs: progress counters and the per-row errors, kept for the caller to read back. */
@ApplicationScoped
public class LeadImportRepository {

    public enum Status { RUNNING, COMPLETED, FAILED }

    public record RowError(int row, String field, String message) {
    }

    public record ImportJob(UUID id, String unitId, Status status, Channel channel, UUID campaignId, int totalRows,
                            int created, int attached, int failed, List<RowError> errors, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    private static final String COLUMNS = "id, unit_id, status, channel, campaign_id, total_rows, created, attached,"
            + " failed, errors, created_by, created_at, finished_at";

    private final Json json;

    public LeadImportRepository(Json json) {
        this.json = json;
    }

    public Uni<ImportJob> start(SqlConnection tx, UUID id, Channel channel, UUID campaignId, String createdBy) {
        return tx.preparedQuery("insert into lead_import (id, status, channel, campaign_id, created_by)"
                        + " values ($1, 'running', $2, $3, $4) returning " + COLUMNS)
                .execute(Tuple.of(id, channel.value(), campaignId, createdBy))
                .map(rows -> map(rows.iterator().next()));
    }

    /**
     * Adds one batch's counts and the errors to keep ({@code failedRows} counts every failed row, also those
     * whose errors are no longer kept once {@code maxErrors} were recorded).
     */
    public Uni<Void> progress(SqlConnection tx, UUID id, int rows, int created, int attached, List<RowError> errors,
                              int failedRows, int maxErrors) {
        return tx.preparedQuery("update lead_import set total_rows = total_rows + $2, created = created + $3,"
                        + " attached = attached + $4, failed = failed + $5,"
                        + " errors = case when jsonb_array_length(errors) >= $6 then errors"
                        + " else errors || $7 end where id = $1")
                .execute(Tuple.from(Arrays.asList(id, rows, created, attached, failedRows, maxErrors,
                        json.column(errors))))
                .replaceWithVoid();
    }

    public Uni<Void> finish(SqlConnection tx, UUID id, Status status) {
        return tx.preparedQuery("update lead_import set status = $2, finished_at = now() where id = $1")
                .execute(Tuple.of(id, status.name().toLowerCase())).replaceWithVoid();
    }

    public Uni<Optional<ImportJob>> find(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from lead_import where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    private ImportJob map(Row row) {
        List<RowError> errors = json.read(row.getValue("errors"), new TypeReference<List<RowError>>() { });
        return new ImportJob(row.getUUID("id"), row.getString("unit_id"),
                Status.valueOf(row.getString("status").toUpperCase()), Channel.of(row.getString("channel")),
                row.getUUID("campaign_id"), row.getInteger("total_rows"), row.getInteger("created"),
                row.getInteger("attached"), row.getInteger("failed"), errors == null ? List.of() : errors,
                row.getString("created_by"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("finished_at"));
    }
}
