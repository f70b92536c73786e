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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The merged OpenAPI document, built when first asked for from each service's {@code /q/openapi} and
 * cached. A service that does not deliver its document in time is left out and named in
 * {@code x-missing-services}; such an incomplete document is cached only briefly. The operations the
 * gateway answers itself (customer overview, privacy export) come from {@value #GATEWAY_OPERATIONS} and
 * are merged last, so that a component of theirs never renames one of a service's.
 */
@Singleton
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    static final String GATEWAY_OPERATIONS = "openapi/gateway-operations.json";

    private final RouteTable routes;
    private final GatewayConfig.OpenApi config;
    private final String authServerUrl;
    private final HttpClient client;
    private final JsonObject gatewayOperations = gatewayOperations();
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
            merger.add("gateway", gatewayOperations);
            return merger.build(missing);
        });
    }

    private static JsonObject gatewayOperations() {
        try (InputStream in = OpenApiAggregator.class.getClassLoader().getResourceAsStream(GATEWAY_OPERATIONS)) {
            if (in == null) {
                throw new IllegalStateException(GATEWAY_OPERATIONS + " is missing from the gateway's class path");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
