package crm.gateway.support;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for a CRM service: a real HTTP server that records the request it received (method, path,
 * query, headers, body, and the how-manieth request for that path it is) and answers with that record as
 * JSON, so a test sees exactly what came through the gateway. A POST is answered 201 with a Location
 * built from Host, as the real services do. A GET is answered with {@value #ETAG}, or 304 when the
 * client already has it.
 *
 * <p>Markers in the request's path or query make it misbehave, so each test picks its own case:
 * <ul>
 * <li>{@value #NEVER_ANSWERS} in the path: no answer at all, unless the query says {@value #ANSWER_NOW};</li>
 * <li>{@value #DROPS_FIRST_CONNECTION} in the path: the first request for that path has its connection
 *     closed without an answer;</li>
 * <li>{@value #PRECOMPRESSED} in the path: the answer comes gzipped by the service itself;</li>
 * <li>{@value #ANSWERS_LATE} in the query: the answer comes {@link #LATE} after the whole body, later than
 *     the gateway's timeout but sooner than its timeout for uploads;</li>
 * <li>{@code slow-at-<service>}, {@code missing-at-<service>}, {@code refused-at-<service>} anywhere:
 *     that service does not answer, answers 404 or answers 403.</li>
 * </ul>
 */
final class RecordingService {

    static final String NEVER_ANSWERS = "never-answers";
    static final String ANSWER_NOW = "answer-now";
    static final String DROPS_FIRST_CONNECTION = "drops-first-connection";
    static final String PRECOMPRESSED = "precompressed";
    static final String ANSWERS_LATE = "answers-late";
    static final Duration LATE = DownstreamStubs.TIMEOUT.plusSeconds(2);
    static final String ETAG = "\"v7\"";

    private final Vertx vertx;
    private final String name;
    private final Map<String, AtomicInteger> attemptsByPath = new ConcurrentHashMap<>();

    private RecordingService(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
    }

    static Future<HttpServer> start(Vertx vertx, String name, int port) {
        RecordingService service = new RecordingService(vertx, name);
        return vertx.createHttpServer()
                .requestHandler(service::answer)
                .listen(port, "127.0.0.1");
    }

    private void answer(HttpServerRequest request) {
        int attempt = attemptsByPath.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
        String uri = request.uri();
        if (request.path().endsWith("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(OpenApiDocuments.of(name));
            return;
        }
        if (request.path().contains(NEVER_ANSWERS) && !uri.contains(ANSWER_NOW) || uri.contains("slow-at-" + name)) {
            return;
        }
        if (request.path().contains(DROPS_FIRST_CONNECTION) && attempt == 1) {
            request.connection().close();
            return;
        }
        if (uri.contains("missing-at-" + name) || uri.contains("refused-at-" + name)) {
            int status = uri.contains("missing-at-") ? 404 : 403;
            request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", status).put("title", "from " + name).encode());
            return;
        }
        if (request.method() == HttpMethod.GET && ETAG.equals(request.getHeader("If-None-Match"))) {
            request.response().setStatusCode(304).putHeader("ETag", ETAG).end();
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject received = new JsonObject()
                    .put("service", name)
                    .put("attempt", attempt)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headersOf(request))
                    .put("body", body.toString());
            HttpServerResponse response = request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", "set-by-" + name);
            if (request.method() == HttpMethod.POST) {
                response.setStatusCode(201)
                        .putHeader("Location", "http://" + request.getHeader("Host") + request.path() + "/42");
            } else if (request.method() == HttpMethod.GET) {
                response.putHeader("ETag", ETAG);
            }
            if (request.path().contains(PRECOMPRESSED)) {
                response.putHeader("Content-Encoding", "gzip").end(gzip(received.encode()));
            } else if (uri.contains(ANSWERS_LATE)) {
                vertx.setTimer(LATE.toMillis(), timer -> response.end(received.encode()));
            } else {
                response.end(received.encode());
            }
        });
    }

    private static Buffer gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(bytes.toByteArray());
    }

    private static JsonObject headersOf(HttpServerRequest request) {
        JsonObject headers = new JsonObject();
        for (String name : request.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", request.headers().getAll(name)));
        }
        return headers;
    }
}
