package crm.platform.problem;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The safety net behind {@link ProblemMappers}: some framework failures (a body that is not JSON, an
 * unsupported media type) carry a ready-made response that bypasses exception mappers. Any error
 * response that is not yet problem+json is rewritten into one, so clients meet a single error format.
 */
public class ProblemResponseFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerResponseFilter
    public void toProblem(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || PROBLEM.isCompatible(response.getMediaType())) {
            return;
        }
        String title = response.getStatusInfo().getReasonPhrase();
        String detail = status == 400 ? "The body is not valid JSON or does not fit the operation" : title;
        response.setEntity(Problem.of(status, title, detail), null, PROBLEM);
    }
}
