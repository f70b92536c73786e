package crm.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code tenantid} and {@code unitid} are
 * extension attributes: consumers scope their writes by them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, String tenantid, String unitid,
                         JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** Checks what a consumer relies on; a message without it is poison and goes to the dead-letter topic. */
    public CloudEvent requireValid() {
        if (!SPEC_VERSION.equals(specversion) || isBlank(id) || isBlank(type) || isBlank(source)
                || isBlank(tenantid)) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 envelope with id, type, source and tenantid");
        }
        return this;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
