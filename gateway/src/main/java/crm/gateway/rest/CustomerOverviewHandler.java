package crm.gateway.rest;

import crm.gateway.service.CustomerOverview;
import crm.gateway.service.PartOutcome;
import crm.gateway.service.ResponseCompression;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code GET /api/v1/customers/{contactId}/overview}. The contact decides the answer: unknown, the
 * overview is 404; refused (401/403), its refusal goes back as the service sent it, since the services
 * decide who may see whom. Any other failing part is listed in {@code missing}.
 */
@Singleton
class CustomerOverviewHandler implements Handler<RoutingContext> {

    static final String PATH = "/api/v1/customers/:contactId/overview";

    private final CustomerOverview overview;

    CustomerOverviewHandler(CustomerOverview overview) {
        this.overview = overview;
    }

    @Override
    public void handle(RoutingContext context) {
        String contactId = context.pathParam("contactId");
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        overview.gather(contactId, authorization, CorrelationHandler.of(context))
                .onSuccess(outcomes -> answer(context, contactId, outcomes))
                .onFailure(context::fail);
    }

    private static void answer(RoutingContext context, String contactId, List<PartOutcome> outcomes) {
        if (context.response().closed()) {
            return;
        }
        PartOutcome contact = outcomes.get(0);
        if (contact.notFound()) {
            Problems.send(context, 404, "There is no contact " + contactId + " visible to the caller");
            return;
        }
        if (contact.status() == 401 || contact.status() == 403) {
            context.response().setStatusCode(contact.status());
            if (contact.contentType() != null) {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, contact.contentType());
            }
            context.response().end(contact.body());
            return;
        }
        ResponseCompression.allowFor(context.response().headers(), "application/json");
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(CustomerOverview.document(contactId, outcomes).encode());
    }
}
