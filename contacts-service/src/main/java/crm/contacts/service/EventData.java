package crm.contacts.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Lenient reading of another service's event payload: consumers read only the fields they need, and a
 * missing or malformed optional field reads as null instead of failing the event.
 */
final class EventData {

    private final JsonNode data;

    EventData(JsonNode data) {
        this.data = data == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : data;
    }

    EventData object(String field) {
        return new EventData(data.get(field));
    }

    String text(String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Like {@link #text} but cut to {@code max} characters, for text shown on the timeline. */
    String text(String field, int max) {
        String text = text(field);
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** A money amount in two decimals, as the event catalogue prescribes; null when absent or not a number. */
    String money(String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        return value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    UUID uuid(String field) {
        String text = text(field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    OffsetDateTime time(String field) {
        String text = text(field);
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
