package crm.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.console.config.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The console's one way to the CRM: the gateway's API, called with the signed-in user's own access token.
 * Nothing here carries a tenant, a unit or a role of its own, so a page can show only what the API lets
 * that user see. Calls never fail: no answer within the timeout is status 503, which pages show as
 * "not available right now".
 */
@Singleton
public class GatewayApi {

    private static final Logger LOG = Logger.getLogger(GatewayApi.class);
    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final WebClient client;
    private final ObjectMapper mapper;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final long timeoutMillis;

    public GatewayApi(Vertx vertx, ConsoleConfig config, ObjectMapper mapper) {
        URI gateway = config.gatewayUrl();
        this.mapper = mapper;
        this.ssl = "https".equalsIgnoreCase(gateway.getScheme());
        this.host = gateway.getHost();
        this.port = gateway.getPort() != -1 ? gateway.getPort() : ssl ? 443 : 80;
        this.timeoutMillis = config.apiTimeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setKeepAlive(true)
                // Below the gateway's idle timeout, so a pooled connection is never one it is closing.
                .setKeepAliveTimeout(20)
                .setTryUseCompression(true)
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<ApiAnswer> get(String token, ApiPath path) {
        return exchange(token, HttpMethod.GET, path, null, null, Map.of());
    }

    /** A JSON request; {@code body} is a Map, a record or a JsonNode. */
    public Uni<ApiAnswer> sendJson(String token, HttpMethod method, ApiPath path, Object body,
                                   Map<String, String> headers) {
        String json;
        try {
            json = body == null ? "{}" : mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
        return exchange(token, method, path, JSON, json, headers);
    }

    public Uni<ApiAnswer> send(String token, HttpMethod method, ApiPath path, String contentType, String body,
                               Map<String, String> headers) {
        return exchange(token, method, path, contentType, body, headers);
    }

    /** A document to hand to the user as a file (CSV, JSON export), with the API's status. */
    public Uni<ApiDownload> download(String token, ApiPath path) {
        return request(token, HttpMethod.GET, path, Map.of()).send()
                .map(r -> new ApiDownload(r.statusCode(), r.getHeader("Content-Type"),
                        r.body() == null ? new byte[0] : r.body().getBytes()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("GET %s: no answer from the gateway (%s)", path, failure.toString());
                    return new ApiDownload(503, null, new byte[0]);
                });
    }

    private Uni<ApiAnswer> exchange(String token, HttpMethod method, ApiPath path, String contentType, String body,
                                    Map<String, String> headers) {
        HttpRequest<Buffer> request = request(token, method, path, headers);
        Uni<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = request.send();
        } else {
            sent = request.putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body));
        }
        return sent.map(this::answer).onFailure().recoverWithItem(failure -> {
            LOG.warnf("%s %s: no answer from the gateway (%s)", method, path, failure.toString());
            return ApiAnswer.unavailable();
        });
    }

    private HttpRequest<Buffer> request(String token, HttpMethod method, ApiPath path, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.request(method, port, host, path.toString())
                .ssl(ssl)
                .timeout(timeoutMillis)
                .putHeader("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.5");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        headers.forEach(request::putHeader);
        return request;
    }

    private ApiAnswer answer(HttpResponse<Buffer> response) {
        JsonNode body = null;
        String type = response.getHeader("Content-Type");
        Buffer content = response.body();
        if (content != null && content.length() > 0 && type != null && type.contains("json")) {
            try {
                body = mapper.readTree(content.getBytes());
            } catch (IOException e) {
                LOG.debugf("unreadable JSON answer (%s): %s", response.statusCode(), e.getMessage());
            }
        }
        return new ApiAnswer(response.statusCode(), body, response.getHeader("ETag"), response.getHeader("Location"));
    }
}
