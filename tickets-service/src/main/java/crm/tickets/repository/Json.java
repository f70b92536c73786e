package crm.tickets.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Values to and from jsonb columns. A String bound to a jsonb parameter would be stored as a JSON string
 * scalar, hence the JsonObject; reading goes through the text form into the requested type.
 */
@ApplicationScoped
public class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonObject column(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new JsonObject(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value cannot be stored as JSON", e);
        }
    }

    public <T> T read(Row row, String column, Class<T> type) {
        Object value = row.getValue(column);
        if (value == null) {
            return null;
        }
        try {
            return mapper.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + column + " cannot be read", e);
        }
    }

    public <T> T read(Row row, String column, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        Object value = row.getValue(column);
        if (value == null) {
            return null;
        }
        try {
            return mapper.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + column + " cannot be read", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
