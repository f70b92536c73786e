package crm.gateway.rest;

import crm.gateway.service.OpenApiAggregator;
import crm.gateway.service.ResponseCompression;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/** Serves the merged OpenAPI document (JSON) at {@code /q/openapi} and {@code /openapi}. */
@Singleton
class OpenApiHandler implements Handler<RoutingContext> {

    static final String[] PATHS = {"/q/openapi", "/openapi"};

    private final OpenApiAggregator aggregator;

    OpenApiHandler(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public void handle(RoutingContext context) {
        aggregator.document().onSuccess(document -> {
            ResponseCompression.allowFor(context.response().headers(), "application/json");
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(document.encode());
        }).onFailure(context::fail);
    }
}
