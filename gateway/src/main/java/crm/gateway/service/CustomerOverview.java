package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The customer overview for apps: one contact with its recent timeline, open leads, opportunities and
 * tickets and its value figures, fetched from the owning services in parallel with the caller's token.
 * Each part has its own short timeout; a part that fails is named in {@code missing} instead of failing
 * the whole overview, so an app still shows what it can.
 */
@Singleton
public class CustomerOverview {

    static final List<OverviewPart> PARTS = List.of(
            new OverviewPart(OverviewPart.CONTACT, "contacts-service", "/api/v1/contacts/{id}"),
            new OverviewPart("timeline", "contacts-service", "/api/v1/contacts/{id}/timeline?limit=10"),
            new OverviewPart("openLeads", "leads-service", "/api/v1/leads?contactId={id}&status=open"),
            new OverviewPart("openOpportunities", "leads-service", "/api/v1/opportunities?contactId={id}&status=open"),
            new OverviewPart("openTickets", "tickets-service", "/api/v1/tickets?contactId={id}&status=open"),
            new OverviewPart("value", "analytics-service", "/api/v1/analytics/customers/{id}/value"));

    private final Vertx vertx;
    private final RouteTable routes;
    private final CircuitBreakers breakers;
    private final long partTimeoutMillis;
    private final HttpClient client;

    @Inject
    public CustomerOverview(Vertx vertx, GatewayConfig config, RouteTable routes, CircuitBreakers breakers) {
        this.vertx = vertx;
        this.routes = routes;
        this.breakers = breakers;
        this.partTimeoutMillis = config.overview().partTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(30));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Every part's outcome, the contact's first; the future never fails. */
    public Future<List<OverviewOutcome>> gather(String contactId, String authorization, Correlation correlation) {
        String encodedId = URLEncoder.encode(contactId, StandardCharsets.UTF_8).replace("+", "%20");
        MultiMap headers = HttpHeaders.headers()
                .add(HttpHeaders.AUTHORIZATION, authorization)
                .add(HttpHeaders.ACCEPT, "application/json")
                .add(Correlation.REQUEST_ID, correlation.requestId())
                .add(Correlation.TRACEPARENT, correlation.traceparent());
        List<Future<OverviewOutcome>> outcomes = PARTS.stream()
                .map(part -> fetch(part, part.uriFor(encodedId), headers)).toList();
        return Future.join(outcomes).map(all -> outcomes.stream().map(Future::result).toList());
    }

    /** The overview document: each present part under its name, the others listed in {@code missing}. */
    public static JsonObject document(String contactId, List<OverviewOutcome> outcomes) {
        JsonObject overview = new JsonObject().put("contactId", contactId);
        JsonArray missing = new JsonArray();
        for (OverviewOutcome outcome : outcomes) {
            if (outcome.present()) {
                overview.put(outcome.partName(), Json.decodeValue(outcome.body()));
            } else {
                JsonObject entry = new JsonObject().put("part", outcome.partName())
                        .put("service", outcome.serviceName()).put("reason", outcome.reason());
                if (outcome.status() != 0) {
                    entry.put("status", outcome.status());
                }
                missing.add(entry);
            }
        }
        return overview.put("missing", missing);
    }

    private Future<OverviewOutcome> fetch(OverviewPart part, String uri, MultiMap headers) {
        if (breakers.stateOf(part.serviceName()) == CircuitBreaker.State.OPEN) {
            return Future.succeededFuture(OverviewOutcome.missing(part, "unavailable"));
        }
        Downstream service = routes.service(part.serviceName());
        Promise<OverviewOutcome> outcome = Promise.promise();
        long timer = vertx.setTimer(partTimeoutMillis,
                t -> outcome.tryComplete(OverviewOutcome.missing(part, "timeout")));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setURI(uri).setHeaders(headers).setConnectTimeout(partTimeoutMillis);
        client.request(options)
                .onFailure(failure -> outcome.tryComplete(OverviewOutcome.missing(part, "unavailable")))
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
                                    ? done.result() : OverviewOutcome.missing(part, "unavailable")));
                });
        return outcome.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private static OverviewOutcome outcomeOf(OverviewPart part, HttpClientResponse answer, Buffer body) {
        int status = answer.statusCode();
        String contentType = answer.getHeader(HttpHeaders.CONTENT_TYPE);
        if (status == 404) {
            return new OverviewOutcome(part, "not-found", status, contentType, body);
        }
        if (status < 200 || status > 299) {
            return new OverviewOutcome(part, "error-status", status, contentType, body);
        }
        try {
            Json.decodeValue(body);
        } catch (RuntimeException notJson) {
            return new OverviewOutcome(part, "invalid-answer", status, contentType, body);
        }
        return new OverviewOutcome(part, null, status, contentType, body);
    }
}
