package crm.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The subset of Kustomize that k8s/ uses, so the tests can render the overlays without kubectl. Anything else
 * in a kustomization.yaml fails loudly instead of being ignored; {@code k8s/render.sh} renders the same
 * overlays with the real Kustomize.
 *
 * <p>Supported: {@code resources} (files and directories), {@code namespace}, {@code configMapGenerator} and
 * {@code secretGenerator} ({@code envs}, {@code literals}, {@code type}, {@code options.disableNameSuffixHash};
 * the name suffix is computed as Kustomize does, and references in pod specs are rewritten), {@code patches}
 * (strategic-merge patches from {@code path} or {@code patch}, selected by {@code target} kind/name/group/version
 * or by the patch's own kind and name; lists of named items merge by name in built-in kinds and are replaced in
 * custom resources, as with Kustomize; {@code $patch: delete} removes the selected resources),
 * {@code images} ({@code newName}, {@code newTag}, {@code digest}) and {@code replicas}.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "replicas", "configMapGenerator", "secretGenerator", "generatorOptions");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "envs", "literals", "type", "options");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name", "group", "version");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");
    private static final Set<String> REPLICATED_KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");
    /** API groups whose kinds Kustomize patches strategically (merge keys); custom resources get merge patches. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "autoscaling", "policy", "batch",
            "networking.k8s.io", "rbac.authorization.k8s.io");
    private static final String NEEDS_HASH = "crm.k8s.test/needs-name-hash";

    private Kustomize() {
    }

    /** Renders the kustomization in {@code directory}, as {@code kubectl kustomize directory} would. */
    static List<ObjectNode> render(Path directory) {
        List<ObjectNode> resources = build(directory.toAbsolutePath().normalize());
        applyNameHashes(resources);
        return resources;
    }

    private static List<ObjectNode> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        ObjectNode kustomization = Yaml.readAll(file).get(0);
        requireOnly(kustomization, FIELDS, file);
        if (!"Kustomization".equals(kustomization.path("kind").asText())) {
            throw new IllegalArgumentException(file + ": kind must be Kustomization");
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(Yaml.readAll(path));
            }
        }
        requireOnly(kustomization.path("generatorOptions"), Set.of("disableNameSuffixHash"), file);
        boolean noHash = kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            resources.add(generate("ConfigMap", generator, directory, noHash));
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            resources.add(generate("Secret", generator, directory, noHash));
        }
        requireUniqueIds(resources, file);
        for (JsonNode patch : kustomization.path("patches")) {
            patch(resources, patch, directory, file);
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            setImage(resources, image, file);
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            setReplicas(resources, replicas, file);
        }
        return resources;
    }

    private static ObjectNode generate(String kind, JsonNode generator, Path directory, boolean noHash) {
        requireOnly(generator, GENERATOR_FIELDS, directory);
        requireOnly(generator.path("options"), Set.of("disableNameSuffixHash"), directory);
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode envs : generator.path("envs")) {
            Path path = directory.resolve(envs.asText());
            try {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    String trimmed = line.trim();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    putPair(data, line, path.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (JsonNode literal : generator.path("literals")) {
            putPair(data, literal.asText(), directory.toString());
        }
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = resource.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode dataNode = resource.putObject("data");
        data.forEach((key, value) -> dataNode.put(key, "Secret".equals(kind)
                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value));
        if ("Secret".equals(kind)) {
            resource.put("type", generator.path("type").asText("Opaque"));
        }
        if (!noHash && !generator.path("options").path("disableNameSuffixHash").asBoolean(false)) {
            metadata.putObject("annotations").put(NEEDS_HASH, "true");
        }
        return resource;
    }

    private static void putPair(Map<String, String> data, String pair, String origin) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(origin + ": not KEY=VALUE: " + pair);
        }
        if (data.put(pair.substring(0, eq).trim(), pair.substring(eq + 1)) != null) {
            throw new IllegalArgumentException(origin + ": duplicate key " + pair.substring(0, eq));
        }
    }

    private static void patch(List<ObjectNode> resources, JsonNode entry, Path directory, Path file) {
        requireOnly(entry, PATCH_FIELDS, file);
        String text;
        try {
            text = entry.has("path") ? Files.readString(directory.resolve(entry.path("path").asText()))
                    : entry.path("patch").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.lines().anyMatch(line -> line.equals("---"))) {
            throw new IllegalArgumentException(file + ": one patch per entry: " + entry);
        }
        JsonNode patch = Yaml.readOne(text, file.toString());
        if (!patch.isObject()) {
            throw new IllegalArgumentException(file + ": only strategic-merge patches are supported here");
        }
        JsonNode target = entry.path("target");
        requireOnly(target, TARGET_FIELDS, file);
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode resource : resources) {
            boolean match;
            if (target.isMissingNode()) {
                match = resource.path("kind").asText().equals(patch.path("kind").asText())
                        && name(resource).equals(patch.path("metadata").path("name").asText());
            } else {
                String apiVersion = resource.path("apiVersion").asText();
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
                match = (!target.has("kind") || target.path("kind").asText().equals(resource.path("kind").asText()))
                        && (!target.has("name") || name(resource).matches(target.path("name").asText()))
                        && (!target.has("group") || target.path("group").asText().equals(group))
                        && (!target.has("version") || target.path("version").asText().equals(version));
            }
            if (match) {
                selected.add(resource);
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(file + ": a patch selects no resource: " + entry);
        }
        if ("delete".equals(patch.path("$patch").asText())) {
            resources.removeAll(selected);
            return;
        }
        ObjectNode body = ((ObjectNode) patch).deepCopy();
        body.remove(List.of("apiVersion", "kind", "$patch"));
        if (body.path("metadata").isObject()) {
            ((ObjectNode) body.path("metadata")).remove("name");
        }
        for (ObjectNode resource : selected) {
            String apiVersion = resource.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            merge(resource, body, BUILT_IN_GROUPS.contains(group));
        }
    }

    /** Strategic merge (built-in kinds: named list items merge by name) or JSON merge patch (lists replaced). */
    static void merge(ObjectNode target, ObjectNode patch, boolean strategic) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && existing != null && existing.isArray()
                    && allNamed(value) && allNamed(existing)) {
                for (JsonNode item : value) {
                    ObjectNode same = null;
                    for (JsonNode candidate : existing) {
                        if (candidate.path("name").asText().equals(item.path("name").asText())) {
                            same = (ObjectNode) candidate;
                        }
                    }
                    if (same == null) {
                        ((ArrayNode) existing).add(item.deepCopy());
                    } else {
                        merge(same, (ObjectNode) item, true);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean allNamed(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.path("name").isTextual()) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static void setImage(List<ObjectNode> resources, JsonNode image, Path file) {
        requireOnly(image, Set.of("name", "newName", "newTag", "digest"), file);
        String name = image.path("name").asText();
        boolean found = false;
        for (ObjectNode resource : resources) {
            for (ObjectNode podSpec : Manifests.podSpecs(resource)) {
                for (String list : List.of("initContainers", "containers")) {
                    for (JsonNode container : podSpec.path(list)) {
                        String current = container.path("image").asText();
                        String[] parts = splitImage(current);
                        if (!parts[0].equals(name)) {
                            continue;
                        }
                        String reference = image.has("digest") ? "@" + image.path("digest").asText()
                                : image.has("newTag") ? ":" + image.path("newTag").asText() : parts[1];
                        ((ObjectNode) container).put("image", image.path("newName").asText(parts[0]) + reference);
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + ": no container uses image " + name);
        }
    }

    /** [name, ":tag" or "@digest" or ""]. */
    static String[] splitImage(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new String[] {image.substring(0, at), image.substring(at)};
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            return new String[] {image.substring(0, colon), image.substring(colon)};
        }
        return new String[] {image, ""};
    }

    private static void setReplicas(List<ObjectNode> resources, JsonNode replicas, Path file) {
        requireOnly(replicas, Set.of("name", "count"), file);
        boolean found = false;
        for (ObjectNode resource : resources) {
            if (REPLICATED_KINDS.contains(resource.path("kind").asText())
                    && name(resource).equals(replicas.path("name").asText())) {
                ((ObjectNode) resource.path("spec")).put("replicas", replicas.path("count").asInt());
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + ": replicas for unknown workload " + replicas);
        }
    }

    /** Appends Kustomize's content hash to generated names and rewrites the references to them in pod specs. */
    private static void applyNameHashes(List<ObjectNode> resources) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (ObjectNode resource : resources) {
            JsonNode annotations = resource.path("metadata").path("annotations");
            if (!annotations.has(NEEDS_HASH)) {
                continue;
            }
            ((ObjectNode) annotations).remove(NEEDS_HASH);
            if (annotations.isEmpty()) {
                metadata(resource).remove("annotations");
            }
            String name = name(resource);
            String hashed = name + "-" + nameHash(resource);
            metadata(resource).put("name", hashed);
            renamed.put(resource.path("kind").asText() + "/" + name, hashed);
        }
        for (ObjectNode resource : resources) {
            for (ObjectNode podSpec : Manifests.podSpecs(resource)) {
                for (JsonNode volume : podSpec.path("volumes")) {
                    rename(volume.path("configMap"), "name", "ConfigMap", renamed);
                    rename(volume.path("secret"), "secretName", "Secret", renamed);
                }
                for (String list : List.of("initContainers", "containers")) {
                    for (JsonNode container : podSpec.path(list)) {
                        for (JsonNode from : container.path("envFrom")) {
                            rename(from.path("configMapRef"), "name", "ConfigMap", renamed);
                            rename(from.path("secretRef"), "name", "Secret", renamed);
                        }
                        for (JsonNode env : container.path("env")) {
                            rename(env.path("valueFrom").path("configMapKeyRef"), "name", "ConfigMap", renamed);
                            rename(env.path("valueFrom").path("secretKeyRef"), "name", "Secret", renamed);
                        }
                    }
                }
            }
        }
    }

    private static void rename(JsonNode reference, String field, String kind, Map<String, String> renamed) {
        String hashed = renamed.get(kind + "/" + reference.path(field).asText());
        if (reference.isObject() && hashed != null) {
            ((ObjectNode) reference).put(field, hashed);
        }
    }

    /**
     * Kustomize's suffix (api/hasher/hasher.go): SHA-256 of the JSON of kind, name, data (and a Secret's type),
     * first ten hex digits re-lettered. Kustomize looks the name up as one field called "metadata/name", finds
     * nothing and hashes "" instead: so does this, to give the same names as kubectl kustomize.
     */
    static String nameHash(ObjectNode resource) {
        Map<String, Object> encoded = new TreeMap<>();
        encoded.put("kind", resource.path("kind").asText());
        encoded.put("name", "");
        Map<String, String> data = new TreeMap<>();
        resource.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        encoded.put("data", data);
        if (resource.has("type")) {
            encoded.put("type", resource.path("type").asText());
        }
        try {
            String json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(encoded)
                    // Go's encoding/json escapes these; Jackson does not.
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            char[] hash = HexFormat.of().formatHex(digest).substring(0, 10).toCharArray();
            for (int i = 0; i < hash.length; i++) {
                hash[i] = switch (hash[i]) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> hash[i];
                };
            }
            return new String(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireUniqueIds(List<ObjectNode> resources, Path file) {
        Set<String> ids = new java.util.HashSet<>();
        for (ObjectNode resource : resources) {
            String id = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText() + "/" + name(resource);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(file + ": two resources are " + id);
            }
        }
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, Path origin) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(origin + ": '" + field
                        + "' is not in the Kustomize subset the tests render (see Kustomize.java)");
            }
        });
    }

    private static ObjectNode metadata(ObjectNode resource) {
        return resource.path("metadata").isObject() ? (ObjectNode) resource.path("metadata")
                : resource.putObject("metadata");
    }

    private static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }
}
