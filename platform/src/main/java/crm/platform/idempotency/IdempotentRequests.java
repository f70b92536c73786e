package crm.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Makes a creating request safe to retry. Inside the caller's transaction the key is claimed first
 * (a concurrent request with the same key waits on the primary key until this one commits or rolls
 * back), then the work runs and its response is stored with the key. A repeat with the same key and the
 * same body gets the stored response; the same key with another body is refused with 422. Keys belong
 * to the calling subject within its tenant (row-level security, table {@code idempotency_key}) and
 * expire after {@link #RETENTION_HOURS} hours; expired keys are removed lazily.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final int RETENTION_HOURS = 24;

    /** This key if it expired, and a bounded batch of the tenant's other expired keys (lazy cleanup). */
    private static final String EXPIRE = "delete from idempotency_key where expires_at <= now()"
            + " and ((subject = $1 and operation = $2 and key = $3)"
            + " or ctid = any(array(select ctid from idempotency_key where expires_at <= now() limit 100)))";
    private static final String CLAIM = "insert into idempotency_key (subject, operation, key, request_hash, expires_at)"
            + " values ($1, $2, $3, $4, now() + make_interval(hours => $5)) on conflict do nothing returning key";
    private static final String COMPLETE = "update idempotency_key set status = $4, location = $5, etag = $6, body = $7"
            + " where subject = $1 and operation = $2 and key = $3";
    private static final String STORED = "select request_hash, status, location, etag, body from idempotency_key"
            + " where subject = $1 and operation = $2 and key = $3";

    private final ObjectMapper mapper;

    public IdempotentRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Runs {@code create} once per key. {@code operation} names the endpoint (e.g. {@code POST /api/v1/contacts}),
     * so one key may be used for different operations; {@code request} is the validated request body,
     * compared as canonical JSON. Without a key, {@code create} simply runs.
     */
    public Uni<StoredResponse> once(SqlConnection tx, TenantContext context, IdempotencyKey key, String operation,
                                    Object request, Supplier<Uni<StoredResponse>> create) {
        if (key == null) {
            return create.get();
        }
        Tuple id = Tuple.of(context.subject(), operation, key.value());
        String hash = fingerprint(request);
        return tx.preparedQuery(EXPIRE).execute(id)
                .flatMap(ignored -> tx.preparedQuery(CLAIM)
                        .execute(Tuple.of(context.subject(), operation, key.value(), hash, RETENTION_HOURS)))
                .flatMap(claimed -> claimed.rowCount() == 1
                        ? create.get().call(response -> store(tx, id, response))
                        : replay(tx, id, hash));
    }

    private Uni<Void> store(SqlConnection tx, Tuple id, StoredResponse response) {
        return tx.preparedQuery(COMPLETE)
                .execute(Tuple.from(new Object[] {id.getValue(0), id.getValue(1), id.getValue(2), response.status(),
                        response.location(), response.etag(), new JsonObject(json(response.body()))}))
                .replaceWithVoid();
    }

    private Uni<StoredResponse> replay(SqlConnection tx, Tuple id, String hash) {
        return tx.preparedQuery(STORED).execute(id).map(rows -> {
            if (rows.size() == 0) {
                // Claimed by a request that has since expired and been removed: ask for a retry.
                throw ProblemException.conflict("The Idempotency-Key is being processed; retry the request");
            }
            Row row = rows.iterator().next();
            if (!hash.equals(row.getString("request_hash"))) {
                throw ProblemException.unprocessable("The Idempotency-Key was already used with a different"
                        + " request body; use a new key for a new request");
            }
            try {
                return new StoredResponse(row.getInteger("status"), row.getString("location"), row.getString("etag"),
                        mapper.readTree(row.getJsonObject("body").encode()), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored idempotent response is not JSON", e);
            }
        });
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(mapper.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }
}
