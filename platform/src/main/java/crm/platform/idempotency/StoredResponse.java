package crm.platform.idempotency;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The response of a creating request as it is kept for replays: status, {@code Location}, {@code ETag}
 * (as sent, quotes included) and body. {@code replayed} marks an answer that came from the store.
 */
public record StoredResponse(int status, String location, String etag, Object body, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** A fresh 201 answer: {@code body} is the representation (any JSON-serialisable value). */
    public static StoredResponse created(URI location, EntityTag etag, Object body) {
        return new StoredResponse(201, location.toString(), etag == null ? null : etag.toString(), body, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
