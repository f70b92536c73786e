package crm.gateway.service;

import io.vertx.core.buffer.Buffer;

/**
 * What one part of the customer overview came to: the service's answer, or why there is none.
 *
 * @param reason  null when the part is present; otherwise {@code unavailable}, {@code timeout},
 *                {@code not-found}, {@code error-status} or {@code invalid-answer}
 * @param status  the service's HTTP status, or 0 when it never answered
 * @param body    the answer's body, also for an error status (a caller may see a 401/403 problem)
 */
public record OverviewOutcome(OverviewPart part, String reason, int status, String contentType, Buffer body) {

    static OverviewOutcome missing(OverviewPart part, String reason) {
        return new OverviewOutcome(part, reason, 0, null, null);
    }

    public boolean present() {
        return reason == null;
    }

    public String partName() {
        return part.name();
    }

    public String serviceName() {
        return part.serviceName();
    }
}
