package crm.gateway.service;

import crm.gateway.config.BodySizeLimit;
import crm.gateway.config.UploadRoutes;
import crm.gateway.config.GatewayConfig;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.streams.Pipe;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards one request to its service and streams the answer back. Bodies flow through in both
 * directions with back-pressure; neither is held in memory whole. A service whose breaker is open is not
 * tried; a safe request without body is tried once more when the connection failed before any answer,
 * which is harmless because the service has not acted on it (or the method is safe anyway).
 */
@Singleton
public class DownstreamProxy {

    private static final Logger LOG = Logger.getLogger(DownstreamProxy.class);
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Set once the request's body (possibly empty) has been read, so that a retry does not wait for it again. */
    private static final String BODY_CONSUMED = DownstreamProxy.class.getName() + ".bodyConsumed";

    private final CircuitBreakers breakers;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolPerEventLoop;
    /** One client per event loop, so that a request and its service connection share one thread. */
    private final Map<EventLoop, HttpClient> clientsByEventLoop = new ConcurrentHashMap<>();
    /** For callers off the event loops (none on the request path; kept so that any caller works). */
    private final HttpClient sharedClient;
    private final long timeoutMillis;
    private final BodySizeLimit bodySizeLimit;
    private final UploadRoutes uploads;

    @Inject
    public DownstreamProxy(Vertx vertx, GatewayConfig config, BodySizeLimit bodySizeLimit, UploadRoutes uploads,
                           CircuitBreakers breakers) {
        this.breakers = breakers;
        this.vertx = vertx;
        this.timeoutMillis = config.timeout().toMillis();
        this.bodySizeLimit = bodySizeLimit;
        this.uploads = uploads;
        this.clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                // Below the services' own idle timeout, so the gateway never reuses a connection
                // that the service is closing at that moment.
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false)
                .setTryUseCompression(false);
        int eventLoops = Math.max(1, countEventLoops(vertx));
        int perService = Math.max(1, config.maxConnectionsPerService());
        // The limit per service holds for the gateway as a whole: each event loop's pool has its share.
        this.poolPerEventLoop = new PoolOptions().setHttp1MaxSize((perService + eventLoops - 1) / eventLoops);
        this.sharedClient = vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(perService));
    }

    @PreDestroy
    void close() {
        clientsByEventLoop.values().forEach(HttpClient::close);
        sharedClient.close();
    }

    /**
     * The client of the calling event loop. A single shared client would hand a request whatever pooled
     * connection was used last, mostly one owned by another event loop; Vert.x then passes the request
     * and every piece of its answer between the two threads, a wake-up and a queue hop each way.
     */
    private HttpClient client() {
        if (Vertx.currentContext() instanceof ContextInternal context && context.isEventLoopContext()) {
            return clientsByEventLoop.computeIfAbsent(context.nettyEventLoop(),
                    loop -> vertx.createHttpClient(clientOptions, poolPerEventLoop));
        }
        return sharedClient;
    }

    private static int countEventLoops(Vertx vertx) {
        int count = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            count++;
        }
        return count;
    }

    /**
     * Sends the request of {@code context} with {@code headers} to {@code service} and relays its answer.
     * Fails with a {@link ProxyFailure}; the answer may have begun by then (see
     * {@link HttpServerResponse#headWritten()}).
     */
    public Future<Void> forward(RoutingContext context, Downstream service, MultiMap headers) {
        HttpServerRequest request = context.request();
        request.pause();
        boolean retryable = SAFE_METHODS.contains(request.method()) && !hasBody(request);
        return exchange(context, service, headers)
                .recover(failure -> retryable && isConnectionFailure(failure) && !context.response().closed()
                        ? exchange(context, service, headers)
                        : Future.failedFuture(failure))
                .compose(answer -> relay(answer, request, service));
    }

    /** One attempt: through the service's breaker, up to the head of the answer. */
    private Future<HttpClientResponse> exchange(RoutingContext context, Downstream service, MultiMap headers) {
        CircuitBreaker breaker = breakers.of(service);
        long refusedForSeconds = breaker.tryAcquire(System.nanoTime());
        if (refusedForSeconds > 0) {
            return Future.failedFuture(ProxyFailure.circuitOpen(service, refusedForSeconds));
        }
        HttpServerRequest request = context.request();
        RequestOptions options = new RequestOptions()
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setMethod(request.method()).setURI(request.uri()).setHeaders(headers)
                .setFollowRedirects(false)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(uploads.matches(request) ? uploads.timeoutMillis() : timeoutMillis);
        return client().request(options)
                .recover(failure -> Future.failedFuture(isTimeout(failure)
                        ? ProxyFailure.connectTimedOut(service, failure)
                        : ProxyFailure.unreachable(service, failure)))
                .compose(outgoing -> send(context, outgoing)
                        .recover(failure -> Future.failedFuture(context.response().closed()
                                // The client went away (mid-upload, or while waiting): not the service's fault.
                                ? ProxyFailure.brokenAnswer(service, failure)
                                : classify(service, failure))))
                .onComplete(result -> record(service, breaker, result.cause()));
    }

    private static void record(Downstream service, CircuitBreaker breaker, Throwable failure) {
        if (failure == null) {
            breaker.onAnswer();
        } else if (failure instanceof ProxyFailure known && known.kind().countsAgainstService) {
            if (breaker.onFailure(System.nanoTime())) {
                LOG.warnf("Circuit of %s opened: it failed %s times in a row; last: %s", service.name(),
                        breaker.threshold(), known.getMessage());
            }
        } else {
            breaker.onInconclusive();
        }
    }

    private static boolean isConnectionFailure(Throwable failure) {
        return failure instanceof ProxyFailure known && known.kind().connectionFailure;
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
        // Failures surface through the answer below; without a handler Vert.x would also log each one.
        outgoing.exceptionHandler(failure -> { });
        if (context.get(BODY_CONSUMED) != null) {
            // A retry: only requests without a body are retried, and the client's (empty) one is read.
            outgoing.end();
            return outgoing.response();
        }
        context.put(BODY_CONSUMED, true);
        if (expectsContinue(request)) {
            // The token is checked and a service is connected: now the client may send its body.
            context.response().writeContinue();
        }
        Promise<HttpClientResponse> answer = Promise.promise();
        Pipe<Buffer> body = new BoundedBody(request, bodySizeLimit.bytes(request)).pipe();
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
        if (answer.headers().contains(HttpHeaders.CONTENT_ENCODING)) {
            // Already encoded by the service: Quarkus' identity mark must not stand beside its encoding.
            response.headers().remove(HttpHeaders.CONTENT_ENCODING);
        } else {
            ResponseCompression.allowFor(response.headers(), answer.getHeader(HttpHeaders.CONTENT_TYPE));
        }
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
        if (isTimeout(failure)) {
            return ProxyFailure.timedOut(service, timeoutMillis, failure);
        }
        if (failure instanceof HttpClosedException || failure instanceof IOException) {
            return ProxyFailure.connectionLost(service, failure);
        }
        return ProxyFailure.brokenAnswer(service, failure);
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException;
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
