package crm.gateway.config;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a request is one of the {@link GatewayConfig.Uploads#routes() upload routes}. */
@Singleton
public class UploadRoutes {

    private final Set<String> routes;
    private final long timeoutMillis;

    UploadRoutes(GatewayConfig config) {
        this.routes = config.uploads().routes().stream().map(UploadRoutes::normalise).collect(Collectors.toSet());
        this.timeoutMillis = config.uploads().timeout().toMillis();
    }

    public boolean matches(HttpServerRequest request) {
        return routes.contains(request.method().name() + " " + stripTrailingSlash(request.path()));
    }

    /** How long the service may stay silent on an upload route. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    private static String normalise(String route) {
        String[] parts = route.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("crm.gateway.uploads.routes: '" + route + "' is not 'METHOD /path'");
        }
        return parts[0].toUpperCase(Locale.ROOT) + " " + stripTrailingSlash(parts[1]);
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
