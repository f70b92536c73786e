package crm.gateway.service;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Fetches the parts of a composed answer (customer overview, privacy export) with the caller's token,
 * each with its own timeout. A part never fails: what went wrong becomes its {@link PartOutcome#reason()}.
 * Open circuit breakers are respected but not fed: part timeouts are deliberately shorter than the
 * proxy's and would open the breakers of services that are merely slow.
 */
@Singleton
public class PartFetcher {

    private final Vertx vertx;
    private final RouteTable routes;
    private final CircuitBreakers breakers;
    private final HttpClient client;

    @Inject
    public PartFetcher(Vertx vertx, RouteTable routes, CircuitBreakers breakers) {
        this.vertx = vertx;
        this.routes = routes;
        this.breakers = breakers;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(30));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The headers every part is fetched with: the caller's token and the request's correlation. */
    static MultiMap headersFor(String authorization, Correlation correlation) {
        return HttpHeaders.headers()
                .add(HttpHeaders.AUTHORIZATION, authorization)
                .add(HttpHeaders.ACCEPT, "application/json")
                .add(Correlation.REQUEST_ID, correlation.requestId())
                .add(Correlation.TRACEPARENT, correlation.traceparent());
    }

    /** A contact id as one path segment or query value: whatever a caller sent cannot change the path. */
    static String encode(String contactId) {
        return URLEncoder.encode(contactId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Future<PartOutcome> fetch(CompositePart part, String uri, MultiMap headers, long timeoutMillis) {
        if (breakers.stateOf(part.serviceName()) == CircuitBreaker.State.OPEN) {
            return Future.succeededFuture(PartOutcome.missing(part, "unavailable"));
        }
        Downstream service = routes.service(part.serviceName());
        Promise<PartOutcome> outcome = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, t -> outcome.tryComplete(PartOutcome.missing(part, "timeout")));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setURI(uri).setHeaders(headers).setConnectTimeout(timeoutMillis);
        client.request(options)
                .onFailure(failure -> outcome.tryComplete(PartOutcome.missing(part, "unavailable")))
                .onSuccess(request -> {
                    // A part that timed out must not keep its connection busy.
                    outcome.future().onComplete(done -> {
                        if ("timeout".equals(done.result().reason())) {
                            request.reset();
                        }
                    });
                    request.send()
                            .compose(answer -> answer.body().map(body -> outcomeOf(part, answer, body)))
                            .onComplete(done -> outcome.tryComplete(done.succeeded()
                                    ? done.result() : PartOutcome.missing(part, "unavailable")));
                });
        return outcome.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private static PartOutcome outcomeOf(CompositePart part, HttpClientResponse answer, Buffer body) {
        int status = answer.statusCode();
        String contentType = answer.getHeader(HttpHeaders.CONTENT_TYPE);
        if (status == 404) {
            return new PartOutcome(part, "not-found", status, contentType, body);
        }
        if (status < 200 || status > 299) {
            return new PartOutcome(part, "error-status", status, contentType, body);
        }
        try {
            Json.decodeValue(body);
        } catch (RuntimeException notJson) {
            return new PartOutcome(part, "invalid-answer", status, contentType, body);
        }
        return new PartOutcome(part, null, status, contentType, body);
    }
}
