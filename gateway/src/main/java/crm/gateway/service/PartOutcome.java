package crm.gateway.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * What one part of a composed answer came to: the service's answer, or why there is none.
 *
 * @param reason  null when the part is present; otherwise {@code unavailable}, {@code timeout},
 *                {@code not-found}, {@code error-status} or {@code invalid-answer}
 * @param status  the service's HTTP status, or 0 when it never answered
 * @param body    the answer's body, also for an error status (a caller may see a 401/403 problem)
 */
public record PartOutcome(CompositePart part, String reason, int status, String contentType, Buffer body) {

    static PartOutcome missing(CompositePart part, String reason) {
        return new PartOutcome(part, reason, 0, null, null);
    }

    public boolean present() {
        return reason == null;
    }

    public boolean notFound() {
        return "not-found".equals(reason);
    }

    public String partName() {
        return part.name();
    }

    public String serviceName() {
        return part.serviceName();
    }

    /**
     * The entry naming this part in a composed answer's {@code missing} list: the part (when it is not
     * simply the service), the service, the reason and the service's status if it answered.
     */
    public JsonObject missingEntry() {
        JsonObject entry = new JsonObject();
        if (!part.name().equals(part.serviceName())) {
            entry.put("part", part.name());
        }
        entry.put("service", part.serviceName()).put("reason", reason);
        if (status != 0) {
            entry.put("status", status);
        }
        return entry;
    }
}
