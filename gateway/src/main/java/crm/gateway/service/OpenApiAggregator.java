package crm.gateway.service;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The merged OpenAPI document, built when first asked for from each service's {@code /q/openapi} and
 * cached. A service that does not deliver its document in time is left out and named in
 * {@code x-missing-services}; such an incomplete document is cached only briefly.
 */
@Singleton
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);

    private final RouteTable routes;
    private final GatewayConfig.OpenApi config;
    private final String authServerUrl;
    private final HttpClient client;
    private Future<JsonObject> cached;
    private long expiresAt;

    @Inject
    public OpenApiAggregator(Vertx vertx, RouteTable routes, GatewayConfig config,
                             @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.routes = routes;
        this.config = config.openapi();
        this.authServerUrl = authServerUrl.endsWith("/")
                ? authServerUrl.substring(0, authServerUrl.length() - 1) : authServerUrl;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public synchronized Future<JsonObject> document() {
        long now = System.nanoTime();
        // A failed build would only come from a bug in merging; it is not cached.
        if (cached == null || now - expiresAt >= 0 || cached.failed()) {
            // Until the build completes, callers share it rather than starting their own.
            expiresAt = now + config.cacheTtl().toNanos();
            cached = build();
            cached.onSuccess(document -> {
                long ttl = document.containsKey("x-missing-services")
                        ? config.incompleteCacheTtl().toNanos() : config.cacheTtl().toNanos();
                synchronized (this) {
                    expiresAt = System.nanoTime() + ttl;
                }
            });
        }
        return cached;
    }

    private Future<JsonObject> build() {
        List<Downstream> services = routes.services();
        List<Future<JsonObject>> documents = services.stream().map(this::fetch).toList();
        return Future.join(documents).otherwiseEmpty().map(all -> {
            String keycloak = authServerUrl + "/protocol/openid-connect/";
            OpenApiMerger merger = new OpenApiMerger("CRM API", keycloak + "auth", keycloak + "token");
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.succeeded()) {
                    merger.add(services.get(i).name(), document.result());
                } else {
                    LOG.infof("OpenAPI of %s left out: %s", services.get(i).name(), document.cause().toString());
                    missing.add(services.get(i).name());
                }
            }
            return merger.build(missing);
        });
    }

    private Future<JsonObject> fetch(Downstream service) {
        long timeoutMillis = config.fetchTimeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(service.host()).setPort(service.port()).setSsl(service.ssl())
                .setURI("/q/openapi?format=json").putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(answer -> answer.statusCode() == 200
                        ? answer.body()
                        : Future.failedFuture("status " + answer.statusCode()))
                .map(JsonObject::new);
    }
}
