package crm.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest request body the gateway lets through on a route: {@code crm.gateway.uploads.max-body-size}
 * on the upload routes, {@code crm.gateway.max-body-size} on all others. Quarkus' own
 * {@code quarkus.http.limits.max-body-size}, one limit for every route, runs first on a declared length,
 * so it must be at least the larger of the two; the gateway refuses to start otherwise rather than answer
 * uploads with Quarkus' bare 413.
 */
@Singleton
public class BodySizeLimit {

    private final UploadRoutes uploads;
    private final long bytes;
    private final long uploadBytes;

    BodySizeLimit(GatewayConfig config, UploadRoutes uploads,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusLimit) {
        this.uploads = uploads;
        this.bytes = config.maxBodySize().asLongValue();
        this.uploadBytes = config.uploads().maxBodySize().asLongValue();
        long outer = quarkusLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (outer < Math.max(bytes, uploadBytes)) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + outer + " bytes) is below"
                    + " crm.gateway.max-body-size or crm.gateway.uploads.max-body-size; raise it to at least "
                    + Math.max(bytes, uploadBytes) + " bytes");
        }
    }

    public long bytes(HttpServerRequest request) {
        return uploads.matches(request) ? uploadBytes : bytes;
    }
}
