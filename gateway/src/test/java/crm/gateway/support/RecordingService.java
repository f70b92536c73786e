package crm.gateway.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A stand-in for a CRM service: a real HTTP server that records the request it received (method, path,
 * query, headers, body) and answers with that record as JSON, so a test sees exactly what came through
 * the gateway. A POST is answered 201 with a Location built from Host, as the real services do. A path
 * containing {@value #NEVER_ANSWERS} gets no answer at all.
 */
final class RecordingService {

    static final String NEVER_ANSWERS = "never-answers";

    private RecordingService() {
    }

    static Future<HttpServer> start(Vertx vertx, String name, int port) {
        return vertx.createHttpServer()
                .requestHandler(request -> answer(name, request))
                .listen(port, "127.0.0.1");
    }

    private static void answer(String name, HttpServerRequest request) {
        if (request.path().contains(NEVER_ANSWERS)) {
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject received = new JsonObject()
                    .put("service", name)
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
            }
            response.end(received.encode());
        });
    }

    private static JsonObject headersOf(HttpServerRequest request) {
        JsonObject headers = new JsonObject();
        for (String name : request.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", request.headers().getAll(name)));
        }
        return headers;
    }
}
