package crm.leads.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * jsonb columns to and from values. A String bound to a jsonb parameter would be stored as a JSON string
 * scalar, hence the Vert.x JSON types on the way in.
 */
@ApplicationScoped
public class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Object column(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String text = mapper.writeValueAsString(value);
            return text.startsWith("[") ? new JsonArray(text) : new JsonObject(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be stored as JSON", e);
        }
    }

    public <T> T read(Object column, Class<T> type) {
        return column == null ? null : read(column, mapper.getTypeFactory().constructType(type));
    }

    public <T> T read(Object column, TypeReference<T> type) {
        return column == null ? null : read(column, mapper.getTypeFactory().constructType(type));
    }

    private <T> T read(Object column, JavaType type) {
        try {
            return mapper.readValue(column.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type, e);
        }
    }
}
