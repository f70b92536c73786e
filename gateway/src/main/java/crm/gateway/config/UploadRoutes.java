package crm.gateway.config;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Whether a request is one of the {@link GatewayConfig.Uploads#routes() upload routes}. */
@Singleton
public class UploadRoutes {

    /** Upload paths by method, so that the check on every request allocates nothing. */
    private final Map<String, Set<String>> pathsByMethod = new HashMap<>();
    private final long timeoutMillis;

    UploadRoutes(GatewayConfig config) {
        for (String route : config.uploads().routes()) {
            String[] parts = route.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("crm.gateway.uploads.routes: '" + route + "' is not 'METHOD /path'");
            }
            pathsByMethod.computeIfAbsent(parts[0].toUpperCase(Locale.ROOT), m -> new HashSet<>())
                    .add(stripTrailingSlash(parts[1]));
        }
        this.timeoutMillis = config.uploads().timeout().toMillis();
    }

    public boolean matches(HttpServerRequest request) {
        Set<String> paths = pathsByMethod.get(request.method().name());
        return paths != null && paths.contains(stripTrailingSlash(request.path()));
    }

    /** How long the service may stay silent on an upload route. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
