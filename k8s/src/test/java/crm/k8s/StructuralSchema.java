package crm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates custom resources against the openAPIV3Schema of their CustomResourceDefinition, with the API
 * server's structural-schema rules: unknown fields are errors (as with {@code kubectl --validate=strict})
 * unless {@code x-kubernetes-preserve-unknown-fields} or {@code additionalProperties} allows them;
 * {@code x-kubernetes-int-or-string}; type, required, enum, pattern, minimum, maximum, minItems.
 * Not evaluated: CEL rules ({@code x-kubernetes-validations}) and formats.
 */
final class StructuralSchema {

    private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, JsonNode> definitions = new HashMap<>();

    /** Loads the CRDs of a folder; kubernetes-types.yaml there holds the types referred to as {$ref: Name}. */
    static StructuralSchema load(Path folder) {
        StructuralSchema result = new StructuralSchema();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode document : Yaml.readAll(file)) {
                    if (file.getFileName().toString().equals("kubernetes-types.yaml")) {
                        document.fields().forEachRemaining(e -> result.definitions.put(e.getKey(), e.getValue()));
                    } else {
                        result.addCrd(document);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private void addCrd(ObjectNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                    version.path("schema").path("openAPIV3Schema"));
        }
    }

    boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + "/" + kind);
    }

    List<String> validate(JsonNode resource) {
        String key = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return List.of("no schema for " + key);
        }
        List<String> errors = new ArrayList<>();
        checkMetadata(resource.path("metadata"), errors);
        ObjectNode withoutMetadata = ((ObjectNode) resource).deepCopy();
        withoutMetadata.putObject("metadata");
        check(withoutMetadata, schema, "", errors);
        return errors;
    }

    /** The API server checks metadata itself (ObjectMeta), whatever the CRD says: the part k8s/ uses. */
    private static void checkMetadata(JsonNode metadata, List<String> errors) {
        String name = metadata.path("name").asText();
        if (!name.matches(DNS_SUBDOMAIN) || name.length() > 253) {
            errors.add("metadata.name: '" + name + "' is not a DNS subdomain name");
        }
        metadata.fieldNames().forEachRemaining(field -> {
            if (!List.of("name", "namespace", "labels", "annotations").contains(field)) {
                errors.add("metadata." + field + ": unknown or unexpected field");
            }
        });
        for (String map : List.of("labels", "annotations")) {
            metadata.path(map).fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    errors.add("metadata." + map + "." + e.getKey() + ": must be a string");
                }
            });
        }
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        schema = resolve(schema);
        String at = path.isEmpty() ? "<root>" : path;
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(at + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (value.isIntegralNumber()) {
                return;
            }
            if (!value.isTextual()) {
                errors.add(at + ": must be an integer or a string");
            } else if (schema.has("pattern") && !value.asText().matches(schema.path("pattern").asText())) {
                errors.add(at + ": '" + value.asText() + "' does not match " + schema.path("pattern").asText());
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": must be an array");
                    return;
                }
                if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
                    errors.add(at + ": needs at least " + schema.path("minItems").asInt() + " items");
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(at + ": must be a string, is " + value);
                } else if (schema.has("pattern") && !value.asText().matches(schema.path("pattern").asText())) {
                    errors.add(at + ": '" + value.asText() + "' does not match " + schema.path("pattern").asText());
                }
            }
            case "integer", "number" -> {
                if ("integer".equals(type) ? !value.isIntegralNumber() : !value.isNumber()) {
                    errors.add(at + ": must be " + ("integer".equals(type) ? "an integer" : "a number") + ", is " + value);
                } else {
                    if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()) {
                        errors.add(at + ": below the minimum " + schema.path("minimum"));
                    }
                    if (schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
                        errors.add(at + ": above the maximum " + schema.path("maximum"));
                    }
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": must be a boolean, is " + value);
                }
            }
            case "" -> {
                if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    errors.add(at + ": the schema has no type");
                }
            }
            default -> errors.add(at + ": unknown schema type " + type);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value) || allowed.asText().equals(value.asText()) && value.isValueNode();
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        String at = path.isEmpty() ? "<root>" : path;
        if (!value.isObject()) {
            errors.add(at + ": must be an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.path(field.getKey()), child, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, child, errors);
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                errors.add(child + ": unknown field");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": missing required field " + required.asText());
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            JsonNode target = definitions.get(schema.path("$ref").asText());
            if (target == null) {
                throw new IllegalStateException("unknown $ref " + schema.path("$ref").asText());
            }
            return target;
        }
        return schema;
    }
}
