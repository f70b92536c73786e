package crm.console.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a changing request (POST, PUT, PATCH, DELETE) that a page of another site sent. The session
 * cookie is SameSite=Lax already; this second wall compares the browser's Origin (or Referer) with the
 * host the request was sent to, so a forged form post never reaches the API with the user's token.
 */
public class SameOriginCheck {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSiteChanges(HttpServerRequest request) {
        if (!CHANGING.contains(request.method().name())) {
            return Optional.empty();
        }
        String source = request.getHeader("Origin");
        if (source == null || "null".equals(source)) {
            source = request.getHeader("Referer");
        }
        if (sameHost(source, request.getHeader("Host"))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type("text/plain")
                .entity("This change was not sent from a page of the console.").build());
    }

    /** Whether a URL names the host (and port) the request was addressed to. */
    static boolean sameHost(String url, String host) {
        if (url == null || host == null) {
            return false;
        }
        try {
            URI source = URI.create(url.trim());
            if (source.getHost() == null) {
                return false;
            }
            String authority = (source.getHost() + (source.getPort() == -1 ? "" : ":" + source.getPort()))
                    .toLowerCase(Locale.ROOT);
            return withoutDefaultPort(authority).equals(withoutDefaultPort(host.trim().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority) {
        return authority.endsWith(":80") || authority.endsWith(":443")
                ? authority.substring(0, authority.lastIndexOf(':')) : authority;
    }
}
