package crm.gateway.service;

import crm.gateway.config.BodySizeLimit;
import crm.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeoutException;

/**
 * Forwards one request to its service and streams the answer back. Bodies flow through in both
 * directions with back-pressure; neither is held in memory whole.
 */
@Singleton
public class DownstreamProxy {

    private final HttpClient client;
    private final long timeoutMillis;
    private final long maxBodyBytes;

    @Inject
    public DownstreamProxy(Vertx vertx, GatewayConfig config, BodySizeLimit bodySizeLimit) {
        this.timeoutMillis = config.timeout().toMillis();
        this.maxBodyBytes = bodySizeLimit.bytes();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        // Below the services' own idle timeout, so the gateway never reuses a connection
                        // that the service is closing at that moment.
                        .setKeepAliveTimeout(30)
                        .setDecompressionSupported(false)
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends the request of {@code context} with {@code headers} to {@code service} and relays its answer.
     * Fails with a {@link ProxyFailure}; the answer may have begun by then (see
     * {@link HttpServerResponse#headWritten()}).
     */
    public Future<Void> forward(RoutingContext context, Downstream service, MultiMap headers) {
        HttpServerRequest request = context.request();
        request.pause();
        RequestOptions options = new RequestOptions()
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setMethod(request.method()).setURI(request.uri()).setHeaders(headers)
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .recover(failure -> Future.failedFuture(ProxyFailure.unreachable(service, failure)))
                .compose(outgoing -> send(context, outgoing)
                        .recover(failure -> Future.failedFuture(classify(service, failure))))
                .compose(answer -> relay(answer, request, service));
    }

    private Future<HttpClientResponse> send(RoutingContext context, HttpClientRequest outgoing) {
        HttpServerRequest request = context.request();
        if (context.response().closed()) {
            outgoing.reset();
            return outgoing.response();
        }
        // The client gave up: free the service's connection instead of finishing a request nobody awaits.
        context.addEndHandler(done -> {
            if (done.failed()) {
                outgoing.reset();
            }
        });
        if (request.authority() != null) {
            // Services build absolute links (Location) from Host; they must point at the gateway.
            outgoing.authority(request.authority());
        }
        outgoing.setChunked(hasBody(request) && !outgoing.headers().contains(HttpHeaders.CONTENT_LENGTH));
        if (expectsContinue(request)) {
            // The token is checked and a service is connected: now the client may send its body.
            context.response().writeContinue();
        }
        // Failures surface through the answer below; without a handler Vert.x would also log each one.
        outgoing.exceptionHandler(failure -> { });
        Promise<HttpClientResponse> answer = Promise.promise();
        Pipe<Buffer> body = new BoundedBody(request, maxBodyBytes).pipe();
        // A body that breaks off must not reach the service looking complete.
        body.endOnFailure(false);
        body.to(outgoing).onFailure(failure -> {
            // The body's own failure (too large, client gone) explains more than the reset it causes.
            answer.tryFail(failure);
            outgoing.reset(0, failure);
        });
        outgoing.response().onComplete(answer::tryComplete, answer::tryFail);
        return answer.future();
    }

    private Future<Void> relay(HttpClientResponse answer, HttpServerRequest request, Downstream service) {
        HttpServerResponse response = request.response();
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.copyFromDownstream(answer.headers(), response.headers());
        boolean lengthKnown = response.headers().contains(HttpHeaders.CONTENT_LENGTH);
        if (!lengthKnown && mayHaveBody(request.method(), answer.statusCode())) {
            response.setChunked(true);
        }
        Pipe<Buffer> body = answer.pipe();
        body.endOnFailure(false);
        return body.to(response).recover(failure -> {
            answer.request().reset();
            return Future.failedFuture(ProxyFailure.brokenAnswer(service, failure));
        });
    }

    private ProxyFailure classify(Downstream service, Throwable failure) {
        if (failure instanceof ProxyFailure known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return ProxyFailure.timedOut(service, timeoutMillis, failure);
        }
        return ProxyFailure.brokenAnswer(service, failure);
    }

    /** HTTP/1.1 announces a body by its length or by chunked framing; HTTP/2 by not ending the stream. */
    private static boolean hasBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return !request.isEnded();
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || request.headers().contains(HttpHeaders.CONTENT_LENGTH);
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2
                && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
