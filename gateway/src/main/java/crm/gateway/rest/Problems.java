package crm.gateway.rest;

import crm.gateway.service.ProxyFailure;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes RFC 9457 problem details, the one error format of the CRM's API. The gateway cannot use the
 * platform's JAX-RS mappers: its answers come from Vert.x routes and security handlers.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Future<Void> send(RoutingContext context, int status, String detail) {
        return send(context, status, HttpResponseStatus.valueOf(status).reasonPhrase(), detail);
    }

    static Future<Void> send(RoutingContext context, int status, String title, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        HttpServerResponse response = context.response();
        // An earlier handler may have prepared an empty answer; its length would cut this body off.
        response.headers().remove(HttpHeaders.CONTENT_LENGTH);
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.encode());
    }

    /**
     * The problem of a request its service could not answer. A refused body was left unread, so the
     * connection cannot carry another request and closes once the problem is sent.
     */
    static void send(RoutingContext context, ProxyFailure failure) {
        if (failure.retryAfterSeconds() > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        }
        if (!failure.leavesRequestUnread()) {
            send(context, failure.status(), failure.title(), failure.getMessage());
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        send(context, failure.status(), failure.title(), failure.getMessage())
                .onComplete(done -> context.request().connection().close());
    }
}
