package crm.contacts.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.problem.Problem;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Request body limits per path. A CSV import may be a gigabyte, every other request a megabyte. Quarkus has
 * one limit for all paths (quarkus.http.limits.max-body-size, which therefore is the import's), so this
 * filter, run right after Quarkus' own check, applies the smaller limit to every other path: a declared
 * Content-Length above it is refused at once with 413, a chunked body is cut off when it grows past it.
 */
@ApplicationScoped
public class BodySizeLimits {

    /** After Quarkus' body limit handler (order -2), before everything that reads the body. */
    private static final int ORDER = -1;

    private final ContactsConfig config;
    private final ObjectMapper mapper;

    public BodySizeLimits(ContactsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        long normal = config.http().maxBodySize().asLongValue();
        long bulk = config.importing().maxBodySize().asLongValue();
        Set<String> bulkPaths = Set.copyOf(config.http().bulkPaths());
        router.route().order(ORDER).handler(ctx -> {
            boolean isBulk = ctx.request().method() == HttpMethod.POST && bulkPaths.contains(ctx.normalizedPath());
            limit(ctx, isBulk ? bulk : normal);
        });
    }

    private void limit(RoutingContext ctx, long limit) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            // Read by RESTEasy's input stream, which stops a chunked body at this size.
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
            ctx.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(Problem.of(413, "Content Too Large", "The request body may have at most " + limit
                        + " bytes here")));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
