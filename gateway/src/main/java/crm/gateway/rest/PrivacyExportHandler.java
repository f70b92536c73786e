package crm.gateway.rest;

import crm.gateway.service.PartOutcome;
import crm.gateway.service.PrivacyExport;
import crm.gateway.service.ResponseCompression;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code GET /api/v1/privacy/subjects/{contactId}/export}, answered by the gateway from every service's
 * part. Only administrators run privacy requests; the gateway says so before asking anyone, and each
 * service checks the token again. contacts-service decides whether the person exists: its 404 makes the
 * export 404, and any other refusal of the request (4xx) goes back as it sent it. Every other failing
 * service is listed in {@code missing}.
 */
@Singleton
class PrivacyExportHandler implements Handler<RoutingContext> {

    static final String PATH = "/api/v1/privacy/subjects/:contactId/export";
    static final String REQUIRED_ROLE = "admin";

    private final PrivacyExport export;

    PrivacyExportHandler(PrivacyExport export) {
        this.export = export;
    }

    @Override
    public void handle(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user) || !user.getSecurityIdentity().hasRole(REQUIRED_ROLE)) {
            Problems.send(context, 403, "Exporting a person's data needs the role " + REQUIRED_ROLE);
            return;
        }
        String contactId = context.pathParam("contactId");
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        export.gather(contactId, authorization, CorrelationHandler.of(context))
                .onSuccess(outcomes -> answer(context, contactId, outcomes))
                .onFailure(context::fail);
    }

    private void answer(RoutingContext context, String contactId, List<PartOutcome> outcomes) {
        if (context.response().closed()) {
            return;
        }
        PartOutcome contacts = outcomes.get(0);
        if (contacts.notFound()) {
            Problems.send(context, 404, "There is no person " + contactId + " visible to the caller");
            return;
        }
        if (contacts.status() >= 400 && contacts.status() < 500) {
            context.response().setStatusCode(contacts.status());
            if (contacts.contentType() != null) {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, contacts.contentType());
            }
            context.response().end(contacts.body());
            return;
        }
        ResponseCompression.allowFor(context.response().headers(), "application/json");
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(export.document(contactId, outcomes).encode());
    }
}
