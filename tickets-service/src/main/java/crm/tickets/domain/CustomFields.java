package crm.tickets.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Free custom fields of a ticket (serial number, order number, ...): a flat JSON object whose values are
 * strings, numbers, booleans or short arrays of those. Bounded in keys, value sizes and total size so that
 * a ticket row stays small and the fields stay a form, not a document store.
 */
public final class CustomFields {

    public static final int MAX_FIELDS = 50;
    public static final int MAX_STRING = 1000;
    public static final int MAX_ARRAY = 20;
    public static final int MAX_TOTAL_CHARS = 16_384;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,49}");

    /** A violation and the field path it concerns, e.g. {@code customFields.serialNumber}. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private CustomFields() {
    }

    /** The validated fields ({@code null} becomes an empty object); {@link Invalid} names the first problem. */
    public static ObjectNode validate(JsonNode fields) {
        if (fields == null || fields.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!fields.isObject()) {
            throw new Invalid("customFields", "must be a JSON object");
        }
        if (fields.size() > MAX_FIELDS) {
            throw new Invalid("customFields", "may have at most " + MAX_FIELDS + " fields");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = "customFields." + entry.getKey();
            if (!KEY.matcher(entry.getKey()).matches()) {
                throw new Invalid("customFields", "field names must start with a letter and have at most 50 letters,"
                        + " digits or '_'");
            }
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                if (value.size() > MAX_ARRAY) {
                    throw new Invalid(path, "may list at most " + MAX_ARRAY + " values");
                }
                for (JsonNode item : value) {
                    requireScalar(path, item);
                }
            } else {
                requireScalar(path, value);
            }
        }
        if (fields.toString().length() > MAX_TOTAL_CHARS) {
            throw new Invalid("customFields", "must not exceed " + MAX_TOTAL_CHARS + " characters as JSON");
        }
        return (ObjectNode) fields.deepCopy();
    }

    private static void requireScalar(String path, JsonNode value) {
        if (value.isTextual()) {
            if (value.textValue().length() > MAX_STRING) {
                throw new Invalid(path, "must be at most " + MAX_STRING + " characters");
            }
        } else if (!(value.isNumber() || value.isBoolean() || value.isNull())) {
            throw new Invalid(path, "must be a string, number, boolean or null (or an array of those)");
        }
    }
}
