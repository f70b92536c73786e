package crm.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest request body the gateway lets through: Quarkus' own {@code quarkus.http.limits.max-body-size},
 * which Quarkus only applies to a declared length. The gateway applies it to chunked bodies as well.
 */
@Singleton
public class BodySizeLimit {

    private final long bytes;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.bytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    public long bytes() {
        return bytes;
    }
}
