package crm.contacts.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Erasure requests (the audit record, without personal data) and the confirmations of other services. */
@ApplicationScoped
public class ErasureRepository {

    /** A request and which services confirmed it, with when they applied it. */
    public record Request(UUID id, UUID subjectId, String unitId, String requestedBy, OffsetDateTime requestedAt,
                          Map<String, OffsetDateTime> confirmations) {
    }

    public Uni<Request> insert(SqlConnection tx, UUID id, UUID subjectId, String unitId, String requestedBy) {
        return tx.preparedQuery("insert into erasure_request (id, unit_id, subject_id, requested_by)"
                        + " values ($1, $2, $3, $4) returning requested_at")
                .execute(Tuple.of(id, unitId, subjectId, requestedBy))
                .map(rows -> new Request(id, subjectId, unitId, requestedBy,
                        rows.iterator().next().getOffsetDateTime("requested_at"), Map.of()));
    }

    /** The first erasure request for this subject, with its confirmations. */
    public Uni<Optional<Request>> findBySubject(SqlConnection tx, UUID subjectId) {
        return tx.preparedQuery("select id, subject_id, unit_id, requested_by, requested_at from erasure_request"
                        + " where subject_id = $1 order by requested_at, id limit 1")
                .execute(Tuple.of(subjectId))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Request>empty());
                    }
                    Row r = rows.iterator().next();
                    return tx.preparedQuery("select service, applied_at from erasure_confirmation"
                                    + " where erasure_request_id = $1 order by service")
                            .execute(Tuple.of(r.getUUID("id")))
                            .map(confirmations -> {
                                Map<String, OffsetDateTime> applied = new LinkedHashMap<>();
                                confirmations.forEach(c -> applied.put(c.getString("service"),
                                        c.getOffsetDateTime("applied_at")));
                                return Optional.of(new Request(r.getUUID("id"), r.getUUID("subject_id"),
                                        r.getString("unit_id"), r.getString("requested_by"),
                                        r.getOffsetDateTime("requested_at"), applied));
                            });
                });
    }

    /**
     * Records that {@code service} applied the erasure; a confirmation for a request this tenant does not
     * have changes nothing, and so does a repeat. Without a request id, the subject's first request counts.
     */
    public Uni<Boolean> confirm(SqlConnection tx, UUID requestId, UUID subjectId, String service,
                                OffsetDateTime appliedAt) {
        return tx.preparedQuery("insert into erasure_confirmation (erasure_request_id, unit_id, service, applied_at)"
                        + " select id, unit_id, $3, $4 from erasure_request"
                        + " where ($1::uuid is not null and id = $1) or ($1::uuid is null and subject_id = $2)"
                        + " order by requested_at limit 1 on conflict do nothing")
                .execute(Tuple.of(requestId, subjectId, service, appliedAt))
                .map(rows -> rows.rowCount() == 1);
    }
}
