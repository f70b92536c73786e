package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A visitor's submission of a public form: the {@code renderedAt} value the form definition handed out,
 * the entered values keyed by field name (the honeypot included, as the browser sends it), and whether the
 * consent box was ticked.
 */
public record FormSubmission(@Size(max = 200) String renderedAt,
                             @Size(max = 30) Map<@Size(max = 64) String, JsonNode> values,
                             Boolean consent) {
}
