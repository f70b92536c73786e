package crm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One rendered kustomization (base, dev or prod) and the look-ups the tests need. */
final class Manifests {

    /** The renderings every test checks, by the path of their kustomization below k8s/. */
    static final List<String> RENDERINGS = List.of("base", "overlays/dev", "overlays/prod");

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    final String name;
    final List<ObjectNode> resources;

    private Manifests(String name, List<ObjectNode> resources) {
        this.name = name;
        this.resources = List.copyOf(resources);
    }

    static Manifests of(String rendering) {
        return CACHE.computeIfAbsent(rendering, r -> new Manifests(r, Kustomize.render(Repo.k8s().resolve(r))));
    }

    List<ObjectNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return all(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    /** The Deployment of a module, and its one container. */
    ObjectNode deployment(String module) {
        return get("Deployment", module);
    }

    static ObjectNode container(ObjectNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(name(deployment) + ": expected one container");
        }
        return (ObjectNode) containers.get(0);
    }

    static Map<String, String> podLabels(ObjectNode workload) {
        return strings(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    /**
     * The environment a container starts with, as "value" or "secret:NAME/KEY" (configMapRef entries are
     * resolved against the ConfigMaps in this rendering; an unresolved one fails).
     */
    Map<String, String> environment(ObjectNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                ObjectNode configMap = get("ConfigMap", from.path("configMapRef").path("name").asText());
                env.putAll(strings(configMap.path("data")));
            } else {
                throw new AssertionError("only envFrom.configMapRef is expected, not " + from);
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            String value;
            if (secret.isObject()) {
                value = "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText();
            } else if (configMap.isObject()) {
                value = strings(get("ConfigMap", configMap.path("name").asText()).path("data"))
                        .get(configMap.path("key").asText());
            } else {
                value = variable.path("value").asText();
            }
            env.put(variable.path("name").asText(), value);
        }
        return env;
    }

    /** The decoded data of a Secret in this rendering, if it is here (dev only). */
    Optional<Map<String, String>> secretData(String name) {
        return find("Secret", name).map(secret -> {
            Map<String, String> data = new LinkedHashMap<>();
            strings(secret.path("data")).forEach((k, v) ->
                    data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            strings(secret.path("stringData")).forEach(data::put);
            return data;
        });
    }

    /** The pod specs inside a workload (none for other kinds). */
    static List<ObjectNode> podSpecs(JsonNode resource) {
        List<ObjectNode> specs = new ArrayList<>();
        String kind = resource.path("kind").asText();
        if (WORKLOADS.contains(kind) && resource.path("spec").path("template").path("spec").isObject()) {
            specs.add((ObjectNode) resource.path("spec").path("template").path("spec"));
        } else if ("CronJob".equals(kind)) {
            specs.add((ObjectNode) resource.path("spec").path("jobTemplate").path("spec").path("template").path("spec"));
        } else if ("Pod".equals(kind)) {
            specs.add((ObjectNode) resource.path("spec"));
        }
        return specs;
    }

    /** Whether a LabelSelector (matchLabels/matchExpressions) or a plain label map selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!selector.has("matchLabels") && !selector.has("matchExpressions")) {
            return labels.entrySet().containsAll(strings(selector).entrySet());
        }
        if (!labels.entrySet().containsAll(strings(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
        return name;
    }
}
