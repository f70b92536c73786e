package crm.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The gateway's routes on Quarkus' HTTP router. Orders are relative to Quarkus' own handlers: CORS
 * runs at -300, (proactive) authentication at -200, form authentication at -150, authorisation at -100
 * and the upload limit at -2; routes without an order come after all of them.
 */
@Singleton
public class GatewayRouter {

    /** Before everything that can refuse a request, so every answer carries the request id. */
    static final int CORRELATION_ORDER = -1_000;
    /** After authentication has settled the identity, before Quarkus' authorisation answers anonymous callers. */
    static final int TOKEN_REQUIRED_ORDER = -120;
    /** After the token is required, so that limits count verified tenants and clients only. */
    static final int RATE_LIMIT_ORDER = -110;
    /** After the token is checked, before Quarkus' upload limit answers with an empty body. */
    static final int BODY_LIMIT_ORDER = -3;

    /**
     * For what the gateway answers itself: after every check, before the proxy (which would send the
     * overview and the privacy export to contacts-service) and before Quarkus' /q router.
     */
    static final int GATEWAY_ENDPOINT_ORDER = -1;

    /** The API, the public forms, and the staff console with the site root, which leads to it. */
    private static final String[] PROXIED_PATHS = {"/api/*", "/public/*", "/console/*", "/"};

    private final CorrelationHandler correlation;
    private final MetricsLabelHandler metricsLabel;
    private final TokenRequiredHandler tokenRequired;
    private final BodyLimitHandler bodyLimit;
    private final RateLimitHandler rateLimit;
    private final CustomerOverviewHandler customerOverview;
    private final PrivacyExportHandler privacyExport;
    private final OpenApiHandler openApi;
    private final ProxyHandler proxy;
    private final ProblemFailureHandler problems;

    GatewayRouter(CorrelationHandler correlation, MetricsLabelHandler metricsLabel, TokenRequiredHandler tokenRequired,
                  BodyLimitHandler bodyLimit, RateLimitHandler rateLimit, CustomerOverviewHandler customerOverview,
                  PrivacyExportHandler privacyExport, OpenApiHandler openApi, ProxyHandler proxy, ProblemFailureHandler problems) {
        this.correlation = correlation;
        this.metricsLabel = metricsLabel;
        this.tokenRequired = tokenRequired;
        this.bodyLimit = bodyLimit;
        this.rateLimit = rateLimit;
        this.customerOverview = customerOverview;
        this.privacyExport = privacyExport;
        this.openApi = openApi;
        this.proxy = proxy;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(CORRELATION_ORDER).handler(correlation);
        router.route().failureHandler(problems);
        for (String proxied : PROXIED_PATHS) {
            router.route(proxied).order(CORRELATION_ORDER).handler(metricsLabel);
            router.route(proxied).order(BODY_LIMIT_ORDER).handler(bodyLimit);
            router.route(proxied).handler(proxy);
        }
        router.route("/api/*").order(TOKEN_REQUIRED_ORDER).handler(tokenRequired);
        router.route("/api/*").order(RATE_LIMIT_ORDER).handler(rateLimit);
        router.route("/public/v1/forms/*").order(RATE_LIMIT_ORDER).handler(rateLimit);
        for (String path : OpenApiHandler.PATHS) {
            router.get(path).order(GATEWAY_ENDPOINT_ORDER).handler(openApi);
        }
        router.get(CustomerOverviewHandler.PATH).order(GATEWAY_ENDPOINT_ORDER).handler(customerOverview);
        router.get(PrivacyExportHandler.PATH).order(GATEWAY_ENDPOINT_ORDER).handler(privacyExport);
    }
}
