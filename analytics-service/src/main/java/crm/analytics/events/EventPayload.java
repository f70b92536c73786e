package crm.analytics.events;

import com.fasterxml.jackson.databind.JsonNode;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.UnreadableEventException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Typed access to an event's {@code data}. Consumers read only the fields they need and ignore the rest,
 * so producers may add fields. A required field that is missing or malformed makes the event unreadable:
 * it goes to the dead-letter topic instead of being half applied.
 */
public final class EventPayload {

    private final CloudEvent event;
    private final JsonNode data;

    private EventPayload(CloudEvent event, JsonNode data) {
        this.event = event;
        this.data = data;
    }

    public static EventPayload of(CloudEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw unreadable(event, "data", "is not a JSON object");
        }
        return new EventPayload(event, data);
    }

    /** A nested object (e.g. a line), read with the same rules. */
    private EventPayload nested(JsonNode node) {
        return new EventPayload(event, node);
    }

    public UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw unreadable(event, field, "is required");
        }
        return value;
    }

    public UUID optionalUuid(String field) {
        String text = optionalText(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw unreadable(event, field, "is not a UUID");
        }
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw unreadable(event, field, "is required");
        }
        return value;
    }

    public String optionalText(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw unreadable(event, field, "is not a text value");
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    public OffsetDateTime instant(String field) {
        OffsetDateTime value = optionalInstant(field);
        if (value == null) {
            throw unreadable(event, field, "is required");
        }
        return value;
    }

    public OffsetDateTime optionalInstant(String field) {
        String text = optionalText(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadable(event, field, "is not an RFC 3339 time");
        }
    }

    /** The instant, or the envelope's time when the payload does not carry it. */
    public OffsetDateTime instantOrEventTime(String field) {
        OffsetDateTime value = optionalInstant(field);
        if (value != null) {
            return value;
        }
        if (event.time() == null) {
            throw unreadable(event, field, "is required when the envelope has no time");
        }
        return event.time();
    }

    public BigDecimal decimal(String field) {
        BigDecimal value = optionalDecimal(field);
        if (value == null) {
            throw unreadable(event, field, "is required");
        }
        return value;
    }

    public BigDecimal optionalDecimal(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return node.isTextual() ? new BigDecimal(node.asText()) : null;
        } catch (NumberFormatException e) {
            throw unreadable(event, field, "is not a number");
        }
    }

    public Long optionalLong(String field) {
        BigDecimal value = optionalDecimal(field);
        return value == null ? null : value.longValue();
    }

    public Boolean optionalBoolean(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw unreadable(event, field, "is not a boolean");
        }
        return node.booleanValue();
    }

    public boolean has(String field) {
        return data.has(field);
    }

    /** A list of texts (e.g. tags, SKUs); blank entries are dropped. */
    public List<String> texts(String field) {
        JsonNode node = data.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw unreadable(event, field, "is not a list");
        }
        node.forEach(item -> {
            if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                values.add(item.asText());
            }
        });
        return values;
    }

    /** A list of objects (e.g. order lines). */
    public List<EventPayload> objects(String field) {
        JsonNode node = data.get(field);
        List<EventPayload> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw unreadable(event, field, "is not a list");
        }
        node.forEach(item -> {
            if (!item.isObject()) {
                throw unreadable(event, field, "has an entry that is not an object");
            }
            values.add(nested(item));
        });
        return values;
    }

    /** A nested object, or null when absent. */
    public EventPayload optionalObject(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw unreadable(event, field, "is not an object");
        }
        return nested(node);
    }

    private static UnreadableEventException unreadable(CloudEvent event, String field, String problem) {
        return new UnreadableEventException("unreadable event: " + event.type() + " " + event.id() + ": data."
                + field + " " + problem);
    }
}
