package crm.console.service;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user typed into a form, trimmed and bounded, so a page can show it again next to the API's
 * objections and build the request body from it. Values longer than {@link #MAX_LENGTH} are cut; the API
 * refuses what is still too long with a message naming the field.
 */
@TemplateData
public final class FormValues {

    static final int MAX_LENGTH = 20_000;

    private final Map<String, String> values;

    private FormValues(Map<String, String> values) {
        this.values = values;
    }

    public static FormValues of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((name, list) -> {
                String joined = list == null ? "" : String.join(",", list);
                String trimmed = joined.trim();
                values.put(name, trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed);
            });
        }
        return new FormValues(values);
    }

    public static FormValues empty() {
        return new FormValues(new LinkedHashMap<>());
    }

    /** The value, or an empty string: templates put it straight into {@code value="..."}. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** The value, or null when the field was left empty. */
    public String orNull(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean has(String name) {
        return orNull(name) != null;
    }

    /** A comma-separated field (tags) as a list without blanks. */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        Arrays.stream(get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    public FormValues with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value == null ? "" : value);
        return new FormValues(copy);
    }
}
