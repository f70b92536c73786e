package crm.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Mapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object of an API answer as templates read it: {@code {contact.firstName}} is the member's value,
 * absent or null members are null (so a template shows nothing rather than failing), nested objects are
 * views again and arrays are lists. The console renders what the services send without a Java type per
 * answer, so a service may add fields without the console changing.
 */
public final class JsonView implements Mapper {

    private final JsonNode node;

    private JsonView(JsonNode node) {
        this.node = node;
    }

    /** The template value of any JSON node: a view, a list, a string, a number, a boolean or null. */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return new JsonView(node);
        }
        if (node.isArray()) {
            return listOf(node);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** The elements of an array as template values; anything else is an empty list. */
    public static List<Object> listOf(JsonNode array) {
        List<Object> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> values.add(of(element)));
        }
        return values;
    }

    @Override
    public Object get(String key) {
        return of(node.get(key));
    }

    public JsonNode node() {
        return node;
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
