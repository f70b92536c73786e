package crm.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST without a body (a workflow step such as "qualify" whose note is optional) often comes without a
 * Content-Type, as most HTTP clients send it. Read strictly, that is no JSON and would answer 415; it is
 * taken as an empty JSON body instead, which the operation then accepts or refuses as it would "{}".
 * A request that carries a body still needs its Content-Type.
 */
public class BodylessRequests {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void treatAsJson(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod()) && request.getMediaType() == null && hasNoBody(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    private static boolean hasNoBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.getHeaderString("Transfer-Encoding") == null;
    }
}
